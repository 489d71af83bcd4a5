// HTML pages of /ogc for browsers (the OGC "HTML" conformance class): the same content as the JSON, readable.
import type { Field, Value } from './fields.js';

export interface HtmlLink {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 });

function cell(v: Value, f?: Field): string {
  if (v === null) return '–';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number' && f?.type !== 'integer') return esc(num.format(v));
  return esc(v);
}

const STYLE = `body{font-family:"Noto Sans",system-ui,sans-serif;margin:0;color:#1b1b1b;line-height:1.45}
header{background:#8b1a1a;color:#fff;padding:.6rem 1.2rem}header a{color:#fff}main{padding:1rem 1.2rem;max-width:80rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f0ec}td.n{text-align:right}nav.crumbs a{margin-right:.3rem}.sample{background:#fff3cd;border:1px solid #d9b44a;padding:.4rem .6rem}
code{background:#f3f3f3;padding:0 .2rem}`;

/** A page: title, breadcrumb (label → href), body HTML, and the alternate JSON link. */
export function page(title: string, crumbs: [string, string][], body: string, jsonHref: string): string {
  const nav = crumbs.map(([label, href]) => `<a href="${esc(href)}">${esc(label)}</a>`).join(' › ');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} — OGC API – Features</title><link rel="alternate" type="application/json" href="${esc(jsonHref)}"><style>${STYLE}</style></head>
<body><header><a href="/">Bản đồ phong trào Toàn dân bảo vệ ANTQ</a> · OGC API – Features</header><main>
<nav class="crumbs">${nav}</nav><h1>${esc(title)}</h1>${body}<p><a href="${esc(jsonHref)}">Xem dạng JSON</a></p></main></body></html>`;
}

export function linkList(links: HtmlLink[]): string {
  return `<ul>${links.map((l) => `<li><a href="${esc(l.href)}">${esc(l.title ?? l.rel)}</a> <small>(${esc(l.rel)}${l.type ? `, ${esc(l.type)}` : ''})</small></li>`).join('')}</ul>`;
}

export const paragraph = (s: string) => `<p>${esc(s)}</p>`;
export const sampleNote = (sample: boolean) => (sample ? '<p class="sample">Dữ liệu minh họa: số liệu do bộ sinh dữ liệu mẫu tạo ra, không phải số liệu chính thức.</p>' : '');

/** A table of features: one row each, the given fields as columns; the code links to the item. */
export function featureTable(rows: Record<string, Value>[], fields: readonly Field[], itemHref: (code: string) => string): string {
  const head = fields.map((f) => `<th title="${esc(f.name)}">${esc(f.vi)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${fields.map((f) => (f.name === 'code' ? `<td><a href="${esc(itemHref(String(r.code)))}">${esc(r.code)}</a></td>` : `<td${typeof r[f.name] === 'number' ? ' class="n"' : ''}>${cell(r[f.name], f)}</td>`)).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** One feature's attributes: name, Vietnamese title, value. */
export function propertyTable(props: Record<string, Value>, fields: readonly Field[]): string {
  return `<table><thead><tr><th>Trường</th><th>Ý nghĩa</th><th>Giá trị</th></tr></thead><tbody>${fields
    .map((f) => `<tr><td><code>${esc(f.name)}</code></td><td>${esc(f.vi)}</td><td>${cell(props[f.name], f)}</td></tr>`)
    .join('')}</tbody></table>`;
}

/** The OpenAPI document as a page: each path with its parameters. */
export function apiPage(doc: { paths: Record<string, { get: { summary: string; parameters?: { name: string; description?: string; required?: boolean }[] } }> }): string {
  return Object.entries(doc.paths)
    .map(
      ([path, { get }]) =>
        `<h2><code>GET /ogc${esc(path === '/' ? '/' : path)}</code></h2><p>${esc(get.summary)}</p>${
          get.parameters?.length
            ? `<table><thead><tr><th>Tham số</th><th>Bắt buộc</th><th>Ý nghĩa</th></tr></thead><tbody>${get.parameters
                .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${p.required ? 'có' : ''}</td><td>${esc(p.description ?? '')}</td></tr>`)
                .join('')}</tbody></table>`
            : ''
        }`,
    )
    .join('');
}
