/**
 * Exports: a chart as standalone SVG or PNG (computed styles inlined, since CSS variables do not travel
 * with the file) and a table as CSV. CSV cells that a spreadsheet would run as a formula (starting with
 * = + - @, tab or CR) are neutralised with a leading apostrophe (OWASP "CSV injection").
 */

export type Cell = string | number | null;

export function csvCell(v: Cell): string {
	if (v === null) return '';
	let s = String(v);
	if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
	return /[",\r\n]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
}

/** CSV with a BOM so Excel (Japanese Windows included) opens the UTF-8 correctly. */
export function toCsv(header: string[], rows: Cell[][]): string {
	return '\ufeff' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const STYLE_PROPS = [
	'fill',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'opacity',
	'fill-opacity',
	'font-size',
	'font-weight',
	'font-family',
	'text-anchor',
	'dominant-baseline'
];

export function svgToString(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const src = svg.querySelectorAll('*');
	const dst = clone.querySelectorAll('*');
	src.forEach((el, i) => {
		const cs = getComputedStyle(el);
		const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
		(dst[i] as SVGElement).setAttribute('style', style);
	});
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	const { width, height } = svg.getBoundingClientRect();
	clone.setAttribute('width', String(Math.ceil(width)));
	clone.setAttribute('height', String(Math.ceil(height)));
	const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
	bg.setAttribute('width', '100%');
	bg.setAttribute('height', '100%');
	bg.setAttribute('fill', '#ffffff');
	clone.insertBefore(bg, clone.firstChild);
	return new XMLSerializer().serializeToString(clone);
}

export function download(name: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const text = svgToString(svg);
	const { width, height } = svg.getBoundingClientRect();
	const img = new Image();
	const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
	try {
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('could not render the chart'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.ceil(width * scale);
		canvas.height = Math.ceil(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('no canvas');
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG failed'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** A file name from a chart title: safe characters only. */
export function fileName(title: string, ext: string): string {
	const base = title.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || 'chart';
	return `${base.slice(0, 60)}.${ext}`;
}
