// The feedback chat page: shows the conversation, sends what is typed or tapped.
// No libraries, nothing from other sites. The server cleans every message's HTML.
"use strict";

(function () {
  // Where Quick exit goes: an ordinary site, as UK safeguarding sites do.
  const NEUTRAL_SITE = "https://www.bbc.co.uk/weather";
  // The page's own words, replaced by the server's in the language the person reads.
  const words = {
    offline: "We can't reach the chat right now. Your words are still in the box. Try again in a minute.",
    "not-sent": "That did not send. Your words are still in the box. Try again.",
    empty: "Type something first, then send it.",
    read: "🔊 Read it to me",
  };
  let language = "en";

  const log = document.getElementById("log");
  const status = document.getElementById("status");
  const form = document.getElementById("say");
  const box = document.getElementById("say-text");
  const shown = new Map(); // message id -> its <li>
  let seq = 0;
  let leaving = false;

  function say(words) {
    status.textContent = words || "";
  }

  async function call(path, body) {
    const options = body === undefined
      ? { credentials: "same-origin" }
      : {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-Chat-Language": language },
          body: JSON.stringify(body),
        };
    const response = await fetch(path, options);
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    return { ok: response.ok, status: response.status, data: data };
  }

  function speak(text) {
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || "en-GB";
    window.speechSynthesis.speak(utterance);
  }

  function render(message) {
    let item = shown.get(message.id);
    const fresh = !item;
    if (fresh) {
      item = document.createElement("li");
      shown.set(message.id, item);
      // In order of id: a message stored earlier is shown earlier.
      const later = Array.from(shown.keys()).filter((id) => id > message.id).sort((a, b) => a - b);
      const before = later.length ? shown.get(later[0]) : null;
      log.insertBefore(item, before && before.parentNode === log ? before : null);
    }
    item.className = message.from === "bot" ? "bot" : "person";
    item.dir = "auto"; // Urdu reads right to left, whatever the page around it
    item.dataset.id = String(message.id);
    item.replaceChildren();
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = message.from === "bot" ? "The bot said: " : "You said: ";
    item.appendChild(who);
    const words = document.createElement("div");
    words.className = "words";
    if (message.from === "bot") {
      words.innerHTML = message.html; // cleaned by the server (bot/web_chat/markup.py)
    } else {
      words.textContent = message.text;
    }
    item.appendChild(words);
    if (message.buttons && message.buttons.length) {
      const buttons = document.createElement("div");
      buttons.className = "buttons";
      for (const row of message.buttons) {
        for (const choice of row) {
          if (choice.url) {
            const link = document.createElement("a");
            link.href = choice.url;
            link.target = "_blank";
            link.rel = "noopener noreferrer";
            link.textContent = choice.label;
            buttons.appendChild(link);
          } else {
            const button = document.createElement("button");
            button.type = "button";
            button.textContent = choice.label;
            button.addEventListener("click", () => tap(message.id, choice.data, buttons));
            buttons.appendChild(button);
          }
        }
      }
      item.appendChild(buttons);
    }
    if (message.from === "bot" && "speechSynthesis" in window) {
      const read = document.createElement("button");
      read.type = "button";
      read.className = "read";
      read.textContent = words.read;
      read.addEventListener("click", () => speak(message.text));
      item.appendChild(read);
    }
    if (fresh) item.scrollIntoView({ block: "end" });
  }

  function speakIn(page) {
    if (!page) return;
    language = page.lang;
    document.documentElement.lang = page.lang;
    document.documentElement.dir = page.dir;
    for (const [key, text] of Object.entries(page.words)) {
      words[key] = text;
      const element = document.getElementById(key);
      if (element) element.textContent = text;
    }
    document.title = page.words.title;
    for (const read of document.querySelectorAll(".read")) read.textContent = words.read;
  }

  function apply(page) {
    speakIn(page.page);
    for (const [id, item] of shown) {
      if (page.oldest === null || id < page.oldest) {
        item.remove();
        shown.delete(id);
      }
    }
    for (const message of page.messages) render(message);
    if (page.notes && page.notes.length) say(page.notes.join(" "));
    seq = Math.max(seq, page.seq);
  }

  async function tap(messageId, data, buttons) {
    for (const button of buttons.querySelectorAll("button")) button.disabled = true;
    try {
      const answer = await call("/api/tap", { message: messageId, data: data });
      if (!answer.ok) say(answer.data.error || words["not-sent"]);
    } catch (e) {
      say(words.offline);
    }
    for (const button of buttons.querySelectorAll("button")) button.disabled = false;
  }

  async function send(event) {
    event.preventDefault();
    const text = box.value.trim();
    if (!text) {
      say(words.empty);
      return;
    }
    try {
      const answer = await call("/api/say", { text: text });
      if (answer.ok) {
        box.value = "";
        say("");
      } else {
        say(answer.data.error || words["not-sent"]); // their words stay in the box
      }
    } catch (e) {
      say(words.offline);
    }
  }

  async function open() {
    const answer = await call("/api/session", {});
    if (!answer.ok) throw new Error(answer.data.error || "no session");
    apply(answer.data);
    const link = new URLSearchParams(window.location.search).get("start");
    if (answer.data.messages.length === 0 || link) {
      await call("/api/start", { payload: link, language: navigator.language });
    }
    if (link) history.replaceState(null, "", window.location.pathname);
  }

  async function follow() {
    let wait = 1000;
    while (!leaving) {
      try {
        const answer = await call("/api/messages?after=" + seq);
        if (answer.status === 401) {
          await open();
          continue;
        }
        if (!answer.ok) throw new Error("refused");
        apply(answer.data);
        if (status.textContent === words.offline) say("");
        wait = 1000;
      } catch (e) {
        if (leaving) return;
        say(words.offline);
        await new Promise((done) => setTimeout(done, wait));
        wait = Math.min(wait * 2, 15000);
      }
    }
  }

  function quickExit() {
    leaving = true;
    log.replaceChildren();
    box.value = "";
    document.title = "Weather";
    try {
      fetch("/api/exit", {
        method: "POST",
        keepalive: true,
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      });
    } catch (e) { /* leaving matters more */ }
    window.location.replace(NEUTRAL_SITE);
  }

  document.getElementById("quick-exit").addEventListener("click", quickExit);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") quickExit();
  });
  form.addEventListener("submit", send);
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) send(event);
  });

  open().then(follow, () => { say(words.offline); setTimeout(() => open().then(follow), 5000); });
})();
