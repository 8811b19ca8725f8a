"use strict";
const conversation = document.getElementById("conversation");
const form = document.getElementById("ask");
const input = document.getElementById("question");

// This browser's conversation: kept, so follow-ups and the tour carry on after a reload.
const conversationId = localStorage.getItem("coalitionbot.conversation") || crypto.randomUUID();
localStorage.setItem("coalitionbot.conversation", conversationId);

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
    const source = el("div", "source", `[${citation.n}] ${citation.document} — ${citation.title} › ${citation.section}`
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

function renderReply(said, reply) {
  const block = el("section", reply.kind);
  if (said) block.append(el("p", "question", said));
  if (reply.note) block.append(el("p", "note", reply.note));
  block.append(el("p", "answer", reply.text));
  if (reply.answer && reply.answer.found) renderCitations(block, reply.answer);
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
    body: JSON.stringify({ conversation: conversationId, ...message }),
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
