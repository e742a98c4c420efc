package store

// uiModels lists the browser workspace's models.
func uiModels() []any { return nil }
