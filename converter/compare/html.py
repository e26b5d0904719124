"""A self-contained HTML report of a comparison: one file, inline CSS and JS, no network.

Statement tabs, a filter per class, and for each fact the row label it sits next to in
the filing. The data is embedded as JSON and the page draws itself, so the same rows
as the CSV/JSON outputs are shown.
"""
from __future__ import annotations

import html
import json

from converter.compare.core import STATUSES, Comparison
from converter.compare.render import FIGURES, rows

_CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em;margin:0 0 .3em}
.meta{color:#555;margin-bottom:1em}
table{border-collapse:collapse;margin:.5em 0 1em}
th,td{border:1px solid #ddd;padding:3px 6px;vertical-align:top}
th{background:#f3f3f3;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
#tabs button{border:1px solid #bbb;background:#f7f7f7;padding:4px 10px;margin:0 2px 4px 0;cursor:pointer}
#tabs button.active{background:#224;color:#fff}
#filters label{margin-right:12px}
.match{background:#e9f7ec}.concept_differs{background:#fff6d6}.sign_differs{background:#f7e6f7}
.value_differs{background:#fde4e1}.period_differs{background:#e1f4f7}.missing{background:#fbd0cc}
.extra{background:#e3eafc}
.concept{font-family:ui-monospace,monospace;font-size:12px}
.label{color:#555;font-size:12px}
"""

_JS = """
const data = JSON.parse(document.getElementById('comparison-data').textContent);
const statuses = data.statuses;
let current = 'all';
const shown = new Set(statuses.filter(s => s !== 'match'));
function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
function conceptCell(concept, label) {
  const td = el('td');
  td.appendChild(el('div', {class: 'concept'}, concept));
  if (label) td.appendChild(el('div', {class: 'label'}, label));
  return td;
}
function draw() {
  for (const b of document.querySelectorAll('#tabs button'))
    b.classList.toggle('active', b.dataset.tab === current);
  const body = document.querySelector('#facts tbody');
  body.replaceChildren();
  let n = 0;
  for (const f of data.facts) {
    const tab = f.status === 'extra' ? 'extra' : f.statement;
    if (current !== 'all' && tab !== current) continue;
    if (!shown.has(f.status)) continue;
    const tr = el('tr', {class: 'fact ' + f.status});
    tr.appendChild(el('td', {}, f.status));
    tr.appendChild(el('td', {}, f.statement));
    tr.appendChild(el('td', {class: 'row-label'}, f.row_label));
    tr.appendChild(conceptCell(f.official_concept, f.official_label));
    tr.appendChild(conceptCell(f.ours_concept, f.ours_label));
    tr.appendChild(el('td', {}, f.period));
    tr.appendChild(el('td', {class: 'label'}, f.dimensions));
    tr.appendChild(el('td', {class: 'num'}, f.official_value));
    tr.appendChild(el('td', {class: 'num'}, f.ours_value));
    tr.appendChild(el('td', {class: 'num'}, f.difference));
    tr.appendChild(el('td', {}, f.note));
    body.appendChild(tr);
    n++;
  }
  document.getElementById('shown-count').textContent = n + ' facts shown';
}
const tabs = document.getElementById('tabs');
for (const t of data.tabs) {
  const b = el('button', {'data-tab': t, class: 'tab'}, t);
  b.addEventListener('click', () => { current = t; draw(); });
  tabs.appendChild(b);
}
const filters = document.getElementById('filters');
for (const s of statuses) {
  const label = el('label', {class: s});
  const box = el('input', {type: 'checkbox', 'data-status': s});
  box.checked = shown.has(s);
  box.addEventListener('change', () => { box.checked ? shown.add(s) : shown.delete(s); draw(); });
  label.appendChild(box);
  label.appendChild(document.createTextNode(' ' + s + ' (' + data.counts[s] + ')'));
  filters.appendChild(label);
}
draw();
"""


def to_html(comparison: Comparison) -> str:
    facts = rows(comparison)
    statements = [s for s in dict.fromkeys(f["statement"] for f in facts) if s]
    tabs = ["all", *statements, *(["extra"] if comparison.counts.get("extra") else [])]
    payload = {"facts": facts, "tabs": tabs, "statuses": list(STATUSES), "counts": comparison.counts}
    # "</" would end the script element early; JSON allows the escaped form.
    data = json.dumps(payload, ensure_ascii=False).replace("</", "<\\/")
    s = comparison.summary
    figure_rows = "".join(
        f"<tr><th>{html.escape(name)}</th>" + "".join(f'<td class="num">{values[f]}</td>' for f in FIGURES) + "</tr>"
        for name, values in comparison.by_statement.items())
    for scope in ("primary", "notes"):
        figure_rows += f"<tr><th>{scope}</th>" + "".join(
            f'<td class="num">{s[f"{scope}_{f}"]}</td>' for f in FIGURES) + "</tr>"
    title = html.escape(f"{s.get('filing') or 'Filing'}: our facts vs the official XBRL")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<style>{_CSS}</style></head>
<body>
<h1>{title}</h1>
<div class="meta">Period {html.escape(str(s.get('period') or '?'))}. Official: {html.escape(comparison.official_path)};
ours: {html.escape(comparison.ours_path)}. Precision <b>{s['precision']}</b> over {s['candidate_facts']} facts of ours.</div>
<table id="figures"><thead><tr><th>statement</th>{''.join(f'<th>{f}</th>' for f in FIGURES)}</tr></thead>
<tbody>{figure_rows}</tbody></table>
<div id="tabs"></div>
<div id="filters"></div>
<div id="shown-count"></div>
<table id="facts"><thead><tr><th>class</th><th>statement</th><th>row in the filing</th><th>official concept</th>
<th>our concept</th><th>period</th><th>dimensions</th><th>official</th><th>ours</th><th>difference</th><th>note</th></tr></thead>
<tbody></tbody></table>
<script type="application/json" id="comparison-data">{data}</script>
<script>{_JS}</script>
</body></html>
"""
