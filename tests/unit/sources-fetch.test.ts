/**
 * Why a fetch of the site's own files failed is said in words no language owns: an HTTP status, or
 * nothing (the browser's "Failed to fetch" is English, so the message says "no answer" in the UI's
 * language instead).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDemo, fetchSources } from '../../src/lib/state/sources';

const ok = () => new Response(new Uint8Array([0x61]), { status: 200 });

afterEach(() => vi.unstubAllGlobals());

describe('fetching the site’s own files', () => {
	it('an HTTP error keeps its status; an unreachable site gives no browser text', async () => {
		vi.stubGlobal('location', new URL('https://example.test/app/'));
		vi.stubGlobal(
			'fetch',
			vi.fn(async (url: URL | string) => {
				const u = String(url);
				if (u.endsWith('missing.csv')) return new Response('', { status: 404 });
				if (u.endsWith('offline.csv')) throw new TypeError('Failed to fetch');
				return ok();
			})
		);
		const r = await fetchSources('/app', ['a.csv', 'missing.csv', 'offline.csv']);
		expect(r.inputs.map((f) => f.name)).toEqual(['a.csv']);
		expect(r.failures).toEqual([
			{ path: 'missing.csv', reason: 'HTTP 404' },
			{ path: 'offline.csv', reason: null }
		]);
	});

	it('the demo names the first file that failed, and loads nothing partial', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async (url: string) => {
				if (url.endsWith('customers.csv')) throw new TypeError('Failed to fetch');
				return ok();
			})
		);
		expect(await fetchDemo('/app')).toEqual({ failed: { name: 'customers.csv', reason: null } });
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => ok())
		);
		const files = await fetchDemo('/app');
		expect(Array.isArray(files) && files.map((f) => f.name)).toEqual([
			'leads.csv',
			'activities.csv',
			'customers.csv',
			'spend.csv'
		]);
	});
});
