// Mötesarkiv's search page, made quicker to use. The page works without
// this script: the form and the links carry every state in the URL. The
// script only adds suggestions as you type, sends the form when a filter
// box is ticked, and lets a histogram bar fill in the dates. It is served
// as a file, never inline, so that the Content-Security-Policy can forbid
// inline scripts.
"use strict";

// suggestions turns the search box into a combobox (WAI-ARIA 1.2) whose
// list is filled from /api/v1/suggest as the user types.
function suggestions(form, box) {
	const list = document.createElement("ul");
	list.id = "forslag";
	list.className = "forslag";
	list.setAttribute("role", "listbox");
	list.setAttribute("aria-label", "Förslag");
	list.hidden = true;
	const status = document.createElement("p");
	status.className = "dold";
	status.setAttribute("role", "status");
	box.parentElement.after(list);
	list.after(status);
	box.setAttribute("role", "combobox");
	box.setAttribute("aria-autocomplete", "list");
	box.setAttribute("aria-expanded", "false");
	box.setAttribute("aria-controls", list.id);

	let options = [];  // the completions shown, as whole queries
	let active = -1;   // the option chosen with the arrow keys
	let asked = 0;     // the number of the latest request, to drop late answers
	let timer = 0;

	const close = () => {
		list.hidden = true;
		box.setAttribute("aria-expanded", "false");
		box.removeAttribute("aria-activedescendant");
		active = -1;
	};
	const show = (query, completions, descriptions) => {
		list.replaceChildren();
		options = completions;
		active = -1;
		completions.forEach((text, i) => {
			const li = document.createElement("li");
			li.id = "forslag-" + i;
			li.setAttribute("role", "option");
			li.setAttribute("aria-selected", "false");
			const what = document.createElement("span");
			what.textContent = text;
			const kind = document.createElement("span");
			kind.className = "slag";
			kind.textContent = descriptions[i] || "";
			li.append(what, kind);
			// mousedown, not click: the box must keep the focus.
			li.addEventListener("mousedown", (e) => {
				e.preventDefault();
				choose(i);
			});
			list.append(li);
		});
		const open = completions.length > 0 && box.value === query;
		list.hidden = !open;
		box.setAttribute("aria-expanded", String(open));
		status.textContent = open ? completions.length + " förslag. Välj med pil upp och ner." : "";
	};
	const mark = (i) => {
		list.querySelectorAll("li").forEach((li, j) => li.setAttribute("aria-selected", String(i === j)));
		active = i;
		if (i < 0) {
			box.removeAttribute("aria-activedescendant");
			return;
		}
		box.setAttribute("aria-activedescendant", "forslag-" + i);
		list.children[i].scrollIntoView({ block: "nearest" });
	};
	const choose = (i) => {
		box.value = options[i];
		close();
		form.requestSubmit();
	};
	const ask = async () => {
		const query = box.value;
		const n = ++asked;
		if (query.trim().length < 2) {
			close();
			return;
		}
		try {
			const resp = await fetch("/api/v1/suggest?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } });
			if (!resp.ok) {
				throw new Error("status " + resp.status);
			}
			const [, completions, descriptions] = await resp.json();
			if (n === asked) {
				show(query, completions, descriptions || []);
			}
		} catch {
			close(); // suggestions are a help; the search itself still works
		}
	};

	box.addEventListener("input", () => {
		clearTimeout(timer);
		timer = setTimeout(ask, 150);
	});
	box.addEventListener("keydown", (e) => {
		if (list.hidden) {
			return;
		}
		switch (e.key) {
		case "ArrowDown":
			e.preventDefault();
			mark((active + 1) % options.length);
			break;
		case "ArrowUp":
			e.preventDefault();
			mark(active <= 0 ? options.length - 1 : active - 1);
			break;
		case "Enter":
			if (active >= 0) {
				e.preventDefault();
				choose(active);
			}
			break;
		case "Escape":
			e.preventDefault();
			close();
			break;
		case "Tab":
			close();
			break;
		}
	});
	box.addEventListener("blur", close);
}

// focusKey remembers, across the page load that sending the form causes,
// which control had the focus, so that a keyboard user stays in place.
const focusKey = "motesarkiv-fokus";

// filterBoxes sends the form as soon as a filter box changes, which makes
// the "Filtrera" button unneeded, and puts the focus back on the box
// after the new page has loaded.
function filterBoxes(form) {
	const boxes = document.querySelectorAll('input[type="checkbox"][form="sok"]');
	boxes.forEach((b) => b.addEventListener("change", () => {
		try {
			sessionStorage.setItem(focusKey, b.id);
		} catch {
			// no storage: the focus goes back to the top, as without script
		}
		form.requestSubmit();
	}));
	const button = document.querySelector("button.filtrera");
	if (button && boxes.length > 0) {
		button.hidden = true;
	}
	let id = null;
	try {
		id = sessionStorage.getItem(focusKey);
		sessionStorage.removeItem(focusKey);
	} catch {
		return;
	}
	const el = id && document.getElementById(id);
	if (el) {
		el.focus();
	}
}

// histogram: a bar narrows the search to its dates. Its link does that
// too; through the form, whatever the user has changed but not yet sent
// (words, ticked boxes) is kept.
function histogram(form) {
	document.querySelectorAll("a.stapel[data-from]").forEach((a) => a.addEventListener("click", (e) => {
		if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) {
			return; // a new tab or window: let the link do it
		}
		e.preventDefault();
		form.elements.from.value = a.dataset.from;
		form.elements.to.value = a.dataset.to;
		document.querySelectorAll('input[name="year"][form="sok"]').forEach((y) => { y.checked = false; });
		form.querySelectorAll('input[type="hidden"][name="month"]').forEach((m) => m.remove());
		form.requestSubmit();
	}));
}

// Start once everything above is defined.
(() => {
	const form = document.getElementById("sok");
	const box = document.getElementById("q");
	if (!form || !box) {
		return;
	}
	suggestions(form, box);
	filterBoxes(form);
	histogram(form);
})();
