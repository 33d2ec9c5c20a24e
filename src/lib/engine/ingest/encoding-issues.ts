/**
 * What decoding found, as quality issues: lines in another encoding than the rest of the file (read in
 * their own), and lines that still hold bytes no encoding read. Line numbers are the file's own (a
 * spreadsheet's row numbers too, unless a cell spans lines).
 */
import type { DecodedFile } from './decode-file';
import type { LineList } from './decode-lines';
import { issue, type QualityIssue } from './quality';

const examples = (l: LineList) => l.examples.map((e) => ({ row: e.line, value: e.text }));
/** `4, 9` or, when there are more than shown, `4, 9, 12, 15, 20, …`. */
const lineNumbers = (l: LineList) =>
	l.examples.map((e) => e.line).join(', ') + (l.count > l.examples.length ? ', …' : '');

export function encodingIssues(file: DecodedFile): QualityIssue[] {
	const out: QualityIssue[] = [];
	const { other, garbled } = file.lines;
	if (other) {
		const params = {
			count: other.lines.count,
			other: other.encoding,
			main: file.encoding.encoding,
			lines: lineNumbers(other.lines)
		};
		out.push(
			issue(
				'mixed_encoding',
				'warning',
				null,
				other.lines.count,
				'mixed_encoding',
				params,
				examples(other.lines)
			)
		);
	}
	if (garbled) {
		const params = {
			count: garbled.count,
			encoding: file.encoding.encoding,
			lines: lineNumbers(garbled)
		};
		out.push(
			issue('garbled_text', 'warning', null, garbled.count, 'garbled_text', params, examples(garbled))
		);
	}
	return out;
}
