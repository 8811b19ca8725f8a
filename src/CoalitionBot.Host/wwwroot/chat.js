"use strict";
const conversation = document.getElementById("conversation");
const form = document.getElementById("ask");
const input = document.getElementById("question");

// Text only: passages are the coalition's documents, never HTML to run.
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderAnswer(answer) {
  const block = el("section");
  block.append(el("p", "question", answer.question));
  if (!answer.found) {
    const notFound = el("div", "not-found");
    notFound.append(el("p", "answer", answer.answer));
    for (const suggestion of answer.suggestions) {
      const button = el("button", "suggestion", suggestion);
      button.type = "button";
      button.addEventListener("click", () => ask(suggestion));
      notFound.append(button);
    }
    block.append(notFound);
    return block;
  }
  block.append(el("p", "answer", answer.answer));
  for (const citation of answer.citations) {
    const cite = el("div", "citation");
    cite.append(el("div", "source", `[${citation.n}] ${citation.document} — ${citation.title} › ${citation.section}`));
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
  return block;
}

async function ask(question) {
  const response = await fetch("/api/ask", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ question }),
  });
  const body = await response.json().catch(() => ({ error: "The server answered with something that is not JSON." }));
  conversation.append(response.ok ? renderAnswer(body) : el("p", "error", body.error));
  window.scrollTo(0, document.body.scrollHeight);
}

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
