// The texts the editor shows, in the page's language, as the server sent
// them (editorMessages); reason codes from the API map to them too.

var node = document.getElementById("editor-messages");
var msgs = node ? JSON.parse(node.textContent) : {};

export function t(id) { return msgs[id] || id; }

export function stateLabel(state) { return msgs["state." + state] || state; }

// refusal words why the server refused an action: its reason code in the
// page's language where the API names one, else the API's own sentence.
export function refusal(data, status) {
  var r = data && data.reason && msgs["reason." + data.reason];
  return r || (data && data.error) || String(status);
}
