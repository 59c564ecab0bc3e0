// The inspector's only script. Everything that comes from the page
// (titles, snippets, rule names) is inserted with textContent, never as
// markup; the page itself is shown in a frame sandboxed without scripts.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("input"), frame = $("page"), status = $("status");
  let docURL = "", lastDisabled = [];

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "error" : "";
  }

  async function run(disabled) {
    const fd = new FormData(form);
    const file = $("file");
    if (!file.files.length) fd.delete("file");
    for (const name of disabled) fd.append("disable", name);
    say("Extracting…", false);
    let resp, data;
    try {
      resp = await fetch("/inspect", { method: "POST", body: fd });
      data = await resp.json();
    } catch (e) {
      say("Request failed: " + e, true);
      return;
    }
    if (!resp.ok) {
      say(resp.status + ": " + (data && data.error || resp.statusText), true);
      return;
    }
    lastDisabled = disabled;
    show(data);
  }

  function show(data) {
    const a = data.article;
    $("title").textContent = a.title || "(no title)";
    $("byline").textContent = a.byline;
    $("published").textContent = a.published;
    const body = $("body");
    body.replaceChildren();
    for (const block of (a.text || "").split(/\n{2,}/)) {
      if (!block.trim()) continue;
      const p = document.createElement("p");
      p.textContent = block;
      body.appendChild(p);
    }
    const list = $("removals"), tmpl = $("removal-item");
    list.replaceChildren();
    for (const rm of data.removals) {
      const li = tmpl.content.firstElementChild.cloneNode(true);
      li.querySelector(".rule").textContent = rm.rule;
      li.querySelector(".snippet").textContent = rm.snippet;
      li.querySelector("input").value = rm.rule;
      li.dataset.rule = rm.rule;
      const go = li.querySelector("button.go");
      if (rm.anchor) {
        li.dataset.anchor = rm.anchor;
        go.addEventListener("click", () => { frame.src = docURL + "#" + rm.anchor; });
      } else {
        li.className = "unlocated";
      }
      list.appendChild(li);
    }
    $("counts").textContent = data.removals.length + " by rules, " + data.located +
      " located in the page; " + a.word_count + " words kept" +
      (data.disabled.length ? "; off: " + data.disabled.join(", ") : "");
    $("rerun").disabled = false;
    docURL = data.doc;
    frame.src = docURL;
    say("Done.", false);
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); run([]); });
  $("rerun").addEventListener("click", () => {
    const off = new Set(lastDisabled);
    for (const box of $("removals").querySelectorAll("input:checked")) off.add(box.value);
    run([...off]);
  });
})();
