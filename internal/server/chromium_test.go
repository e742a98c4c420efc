package server

import (
	"context"
	"fmt"
	"os"
	"sync"

	"github.com/chromedp/chromedp"
)

// chromium is the one headless Chromium a test binary's browser tests
// share: starting and stopping it took 2–3 s a test on a busy machine.
// Tests stay apart all the same, each tab in a browser context of its own
// (newTab), with its own cookies and storage.
type chromium struct {
	once sync.Once
	ctx  context.Context // the browser's first tab; tests open theirs from it
	err  error
	stop func()
}

// sharedChromium is per test binary by nature, like pgtest's cluster: it
// is started by the first browser test and stopped by TestMain.
var sharedChromium chromium

// start starts Chromium once; later calls return the same browser, or the
// same error.
func (c *chromium) start() (context.Context, error) {
	c.once.Do(func() {
		dir, err := os.MkdirTemp("", "tilmash-chromium-")
		if err != nil {
			c.err = err
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(chromiumPath),
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("lang", "en-US"),
			chromedp.WindowSize(1280, 800),
			chromedp.UserDataDir(dir),
		)
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, cancelBrowser := chromedp.NewContext(actx)
		c.ctx = bctx
		c.stop = func() {
			cancelBrowser()
			cancelAlloc()
			os.RemoveAll(dir)
		}
		if err := chromedp.Do(bctx); err != nil {
			c.err = fmt.Errorf("start %s: %w", chromiumPath, err)
		}
	})
	return c.ctx, c.err
}

// close stops Chromium if a test started it.
func (c *chromium) close() {
	if c.stop != nil {
		c.stop()
	}
}
