// The JSON API as the editor calls it: the session's cookie and CSRF token,
// and an answer of {status, data} whatever the status (a body that is not
// JSON is {}). A network failure rejects.
import { csrf } from "./page.js";

export function api(method, url, body) {
  return fetch(url, {
    method: method,
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, "Accept": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body)
  }).then(function (res) {
    return res.json().catch(function () { return {}; }).then(function (data) {
      return { status: res.status, data: data };
    });
  });
}
