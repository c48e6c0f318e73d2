// <motesarkiv-sok>: Mötesarkiv's search for an intranet page. One script
// tag and one element:
//
//   <script src="https://arkiv.example.se/embed.js" defer></script>
//   <motesarkiv-sok organ="Välfärdsrådet"></motesarkiv-sok>
//
// Attributes: endpoint (the archive's address; by default the one this
// script came from), organ (search only this organ's minutes), q (search
// at once), size (hits shown, default 5). The archive must list the
// page's origin in its --cors-origin flag; otherwise the browser is
// refused the answer and the element says that the search is not
// available. Styles live in a shadow root, so the page's styles and the
// element's leave each other alone. Keys: arrow down from the box into
// the hits, arrow up and down between them, Escape back to the box.
"use strict";

(() => {
	if (customElements.get("motesarkiv-sok")) {
		return;
	}
	const here = document.currentScript ? new URL(document.currentScript.src, location.href).origin : location.origin;
	const months = ["januari", "februari", "mars", "april", "maj", "juni", "juli",
		"augusti", "september", "oktober", "november", "december"];

	const css = `
:host { display: block; font: inherit; color: #1d1d1f; max-width: 40rem; }
* { box-sizing: border-box; }
form { display: flex; flex-wrap: wrap; gap: .25rem; align-items: flex-end; }
label { flex: 1 0 100%; font-weight: 600; }
input { flex: 1; min-width: 0; font: inherit; padding: .45rem .6rem; border: 2px solid #1d1d1f; border-radius: 4px; }
button { font: inherit; font-weight: 600; padding: .45rem 1rem; background: #0b5cad; color: #fff; border: 2px solid #0b5cad; border-radius: 4px; cursor: pointer; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 0; box-shadow: 0 0 0 6px #1d1d1f; }
a:focus-visible { outline: 3px solid transparent; background: #ffbf47; color: #1d1d1f; box-shadow: 0 -2px #ffbf47, 0 4px #1d1d1f; text-decoration: none; }
.status { margin: .5rem 0 .25rem; color: #55555c; font-size: .9rem; }
.status.fel { color: #a4161a; }
ol { list-style: none; margin: 0; padding: 0; }
li { padding: .5rem 0; border-bottom: 1px solid #d5d5dc; }
a { color: #0b5cad; font-weight: 600; }
.meta { display: block; color: #55555c; font-size: .85rem; }
.utdrag { margin: .2rem 0 0; font-size: .95rem; }
mark { background: #ffe066; color: inherit; }
.mer { margin: .5rem 0 0; font-size: .9rem; }
[hidden] { display: none !important; }
`;

	class MotesarkivSok extends HTMLElement {
		constructor() {
			super();
			const root = this.attachShadow({ mode: "open" });
			styleShadow(root);
			const markup = document.createElement("template");
			markup.innerHTML = `<form part="form" role="search">
<label for="q">Sök i Mötesarkiv</label>
<input id="q" type="search" name="q" autocomplete="off">
<button type="submit">Sök</button>
</form>
<p class="status" role="status" aria-live="polite"></p>
<ol class="traffar" aria-label="Träffar"></ol>
<p class="mer" hidden><a target="_blank" rel="noopener">Visa alla träffar i Mötesarkiv</a></p>`;
			root.append(markup.content);
			this.box = root.getElementById("q");
			this.status = root.querySelector(".status");
			this.list = root.querySelector("ol");
			this.more = root.querySelector(".mer");
			root.querySelector("form").addEventListener("submit", (e) => {
				e.preventDefault();
				this.search(this.box.value);
			});
			root.addEventListener("keydown", (e) => this.key(e));
		}

		connectedCallback() {
			const q = this.getAttribute("q");
			if (q) {
				this.box.value = q;
				this.search(q);
			}
		}

		get endpoint() {
			return (this.getAttribute("endpoint") || here).replace(/\/+$/, "");
		}

		params(q) {
			const p = new URLSearchParams({ q });
			const organ = this.getAttribute("organ");
			if (organ) {
				p.set("organ", organ);
			}
			return p;
		}

		async search(q) {
			q = q.trim();
			if (!q) {
				return;
			}
			const p = this.params(q);
			p.set("size", this.getAttribute("size") || "5");
			this.say("Söker …", false);
			let res;
			try {
				const resp = await fetch(this.endpoint + "/api/v1/search?" + p, { mode: "cors", credentials: "omit" });
				res = await resp.json();
				if (!resp.ok) {
					throw new Error(res.error || "status " + resp.status);
				}
			} catch (err) {
				// A refused origin lands here too: the browser hides the answer.
				this.show([]);
				this.say("Sökningen kunde inte nås från den här sidan.", true);
				this.dispatchEvent(new CustomEvent("motesarkiv-fel", { detail: String(err) }));
				return;
			}
			this.show(res.hits, q);
			this.say(res.total === 1 ? "1 träff" : res.total === 0 ? "Inga träffar" : res.total + " träffar", false);
		}

		say(text, error) {
			this.status.textContent = text;
			this.status.classList.toggle("fel", error);
		}

		show(hits, q) {
			this.list.replaceChildren(...hits.map((h) => this.hit(h)));
			this.more.hidden = hits.length === 0;
			if (q) {
				this.more.firstChild.href = this.endpoint + "/?" + this.params(q);
			}
		}

		hit(h) {
			const li = document.createElement("li");
			const a = document.createElement("a");
			a.href = this.endpoint + h.url;
			a.target = "_blank";
			a.rel = "noopener";
			a.textContent = h.item + ". " + h.title;
			const meta = document.createElement("span");
			meta.className = "meta";
			meta.textContent = [swedishDate(h.meeting_date), h.organ, h.kind].filter(Boolean).join(" · ");
			li.append(a, meta);
			const frag = firstFragment(h.highlights);
			if (frag) {
				const p = document.createElement("p");
				p.className = "utdrag";
				p.append(...marked(frag));
				li.append(p);
			}
			return li;
		}

		// key moves the focus between the box and the hits' links.
		key(e) {
			const links = [...this.list.querySelectorAll("a")];
			const at = links.indexOf(this.shadowRoot.activeElement);
			let to = null;
			if (e.key === "ArrowDown") {
				to = at < 0 ? (this.shadowRoot.activeElement === this.box ? links[0] : null) : links[Math.min(at + 1, links.length - 1)];
			} else if (e.key === "ArrowUp" && at >= 0) {
				to = at === 0 ? this.box : links[at - 1];
			} else if (e.key === "Home" && at >= 0) {
				to = links[0];
			} else if (e.key === "End" && at >= 0) {
				to = links[links.length - 1];
			} else if (e.key === "Escape" && at >= 0) {
				to = this.box;
			}
			if (to) {
				e.preventDefault();
				to.focus();
			}
		}
	}

	// styleShadow gives the shadow root its styles as a constructed sheet,
	// which an intranet's Content-Security-Policy allows where it forbids
	// inline <style>; older browsers get a <style> element.
	function styleShadow(root) {
		if ("adoptedStyleSheets" in root && "replaceSync" in CSSStyleSheet.prototype) {
			const sheet = new CSSStyleSheet();
			sheet.replaceSync(css);
			root.adoptedStyleSheets = [sheet];
			return;
		}
		const style = document.createElement("style");
		style.textContent = css;
		root.append(style);
	}

	function swedishDate(s) {
		const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
		return m ? Number(m[3]) + " " + months[Number(m[2]) - 1] + " " + m[1] : s;
	}

	function firstFragment(highlights) {
		for (const field of ["body", "title", "decisions", "speakers"]) {
			if (highlights && highlights[field] && highlights[field].length) {
				return highlights[field][0];
			}
		}
		return "";
	}

	// marked turns a fragment (HTML-escaped text with <mark> around the
	// matched words) into nodes without ever parsing it as HTML: the text
	// between the marks is unescaped and added as text.
	function marked(fragment) {
		const out = [];
		fragment.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
			const m = /^<mark>(.*)<\/mark>$/.exec(part);
			if (m) {
				const el = document.createElement("mark");
				el.textContent = unescape(m[1]);
				out.push(el);
			} else if (part) {
				out.push(document.createTextNode(unescape(part)));
			}
		});
		return out;
	}

	const entities = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#34": '"' };
	function unescape(s) {
		return s.replace(/&(amp|lt|gt|quot|#39|#34);/g, (_, e) => entities[e]);
	}

	customElements.define("motesarkiv-sok", MotesarkivSok);
})();
