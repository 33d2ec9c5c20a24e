/** What a file's first bytes say it is, so a workbook can be routed here before CSV sniffing. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: a legacy .xls, or an .xlsx encrypted with a password. */
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const starts = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

export function workbookContainer(bytes: Uint8Array): 'zip' | 'compound' | undefined {
	if (starts(bytes, ZIP)) return 'zip';
	if (starts(bytes, COMPOUND)) return 'compound';
	return undefined;
}
