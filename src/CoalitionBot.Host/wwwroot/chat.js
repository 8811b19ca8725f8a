"use strict";
const conversation = document.getElementById("conversation");
const form = document.getElementById("ask");
const input = document.getElementById("question");

// This browser's conversation: kept, so follow-ups and the tour carry on after a reload.
const conversationId = localStorage.getItem("coalitionbot.conversation") || crypto.randomUUID();
localStorage.setItem("coalitionbot.conversation", conversationId);

// Deadlines and reminders are read and shown in this zone.
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

// Text only: passages are the coalition's documents, never HTML to run.
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderCitations(block, answer) {
  for (const citation of answer.citations) {
    const cite = el("div", "citation");
    const heading = `${citation.title}${citation.section && citation.section.trim().toLowerCase() !== citation.title.trim().toLowerCase() ? " › " + citation.section : ""}`;
    const source = el("div", "source", `[${citation.n}] ${citation.document} — ${heading}`
      + (citation.page ? ` · p. ${citation.page}` : "")
      + (citation.updated ? ` · updated ${String(citation.updated).slice(0, 10)}` : ""));
    // Only web addresses become links: a javascript: or data: URL from a document must not run.
    if (citation.url && /^https?:\/\//i.test(citation.url)) {
      const link = el("a", "open", "Open document");
      link.href = citation.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      source.append(" · ", link);
    }
    cite.append(source);
    const quote = el("blockquote");
    let rest = citation.passage;
    // Mark the highlighted sentences inside the quoted passage.
    for (const highlight of citation.highlights) {
      const at = rest.indexOf(highlight);
      if (at < 0) continue;
      quote.append(document.createTextNode(rest.slice(0, at)), el("mark", null, highlight));
      rest = rest.slice(at + highlight.length);
    }
    quote.append(document.createTextNode(rest));
    cite.append(quote);
    block.append(cite);
  }
}

// A form from the bot (sign on, a new joint action): each field labelled, its hint and error tied to it for screen readers.
function renderForm(block, form) {
  const node = el("form", "bot-form");
  node.append(el("h2", null, form.title));
  if (form.intro) node.append(el("p", "intro", form.intro));
  const requestId = crypto.randomUUID();
  const inputs = [];
  for (const field of form.fields) {
    const id = `${requestId}-${field.name}`;
    const row = el("div", "field");
    let input;
    if (field.kind === "conversations") {
      row.append(el("p", "hint", `${field.label}: this conversation.`));
      inputs.push({ name: field.name, read: () => field.value });
      node.append(row);
      continue;
    }
    if (field.kind === "choice") {
      input = el("select");
      for (const choice of field.choices) {
        const option = el("option", null, choice.label);
        option.value = choice.value;
        option.selected = choice.value === field.value;
        input.append(option);
      }
    } else if (field.kind === "toggle") {
      input = el("input");
      input.type = "checkbox";
      input.checked = field.value === "true";
    } else {
      input = el(field.kind === "longtext" ? "textarea" : "input");
      if (field.kind === "url") input.type = "url";
      if (field.maxLength) input.maxLength = field.maxLength;
      if (field.placeholder) input.placeholder = field.placeholder;
      input.value = field.value || "";
    }
    input.id = id;
    input.name = field.name;
    const label = el("label", null, field.optional ? `${field.label} (optional)` : field.label);
    label.htmlFor = id;
    const described = [];
    if (field.kind === "toggle") row.append(input, label); else row.append(label, input);
    if (field.hint) { const hint = el("p", "hint", field.hint); hint.id = `${id}-hint`; described.push(hint.id); row.append(hint); }
    if (field.error) { const error = el("p", "error", field.error); error.id = `${id}-error`; described.push(error.id); input.setAttribute("aria-invalid", "true"); row.append(error); }
    if (described.length) input.setAttribute("aria-describedby", described.join(" "));
    inputs.push({ name: field.name, read: () => field.kind === "toggle" ? String(input.checked) : input.value });
    node.append(row);
  }
  if (form.note) node.append(el("p", "hint", form.note));
  const values = () => Object.fromEntries(inputs.map((i) => [i.name, i.read()]));
  const submit = el("button", "action", form.submitLabel);
  submit.type = "submit";
  node.append(submit);
  if (form.backLabel) {
    const back = el("button", "action", form.backLabel);
    back.type = "button";
    back.addEventListener("click", () => send({ form: { id: form.id, state: form.state, values: {}, back: true, requestId } }, form.backLabel));
    node.append(back);
  }
  node.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    send({ form: { id: form.id, state: form.state, values: values(), requestId } }, form.submitLabel);
  });
  block.append(node);
}

function renderReply(said, reply) {
  const block = el("section", reply.kind);
  if (said) block.append(el("p", "question", said));
  if (reply.note) block.append(el("p", "note", reply.note));
  block.append(el("p", "answer", reply.text));
  if (reply.answer && reply.answer.found) renderCitations(block, reply.answer);
  if (reply.form) renderForm(block, reply.form);
  if (reply.buttons.length) {
    const row = el("div", "buttons");
    for (const button of reply.buttons) {
      const node = el("button", button.action === "ask_question" ? "suggestion" : "action", button.label);
      node.type = "button";
      node.addEventListener("click", () => send({ button }, button.action === "ask_question" ? button.value : button.label));
      row.append(node);
    }
    block.append(row);
  }
  return block;
}

async function send(message, said) {
  const response = await fetch("/api/chat", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ conversation: conversationId, timeZone, ...message }),
  });
  const body = await response.json().catch(() => ({ error: "The server answered with something that is not JSON." }));
  conversation.append(response.ok ? renderReply(said, body) : el("p", "error", body.error));
  window.scrollTo(0, document.body.scrollHeight);
}

const ask = (text) => send({ text }, text);

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  input.value = "";
  await ask(question);
});

fetch("/healthz").then((r) => r.json()).then((h) => {
  document.getElementById("status").textContent = h.status === "ready"
    ? `${h.documents} documents, ${h.passages} passages`
    : "Indexing the library…";
}).catch(() => {});

// A link like /?q=What+can+diaspora+groups+do asks the question on arrival (shareable answers).
const linked = new URLSearchParams(window.location.search).get("q");
if (linked && linked.trim()) ask(linked.trim());
