/** Start-up restore of what "Remember" kept: the readable files loaded, the rest said (never thrown). */
import type { Message } from '$lib/i18n/messages';
import type { Persistence, StoredFile } from './persist';

interface Target {
	addFiles(files: StoredFile[]): Promise<void>;
	reportNotice(file: string, notice: Message, action?: 'forget-remembered'): void;
}

export async function restoreRemembered(persistence: Persistence, target: Target): Promise<void> {
	const back = await persistence.restore();
	if (!back) return;
	if (back.files.length) await target.addFiles(back.files);
	const params = { lost: back.lost, restored: back.files.length };
	if (back.problem === 'missing') target.reportNotice('', { code: 'persist.missing' }, 'forget-remembered');
	if (back.problem === 'corrupt')
		target.reportNotice('', { code: 'persist.unreadable', params }, 'forget-remembered');
}
