/** The service worker's cache rules: a deployment replaces the shell but keeps the demo and the engine. */
import { describe, expect, it } from 'vitest';
import {
	DATA,
	IMMUTABLE,
	SECURITY_HEADERS,
	cacheFor,
	keepOnActivate,
	shellCache
} from '../../src/lib/sw/caches';

describe('service-worker caches', () => {
	it.each([
		['/modelboard/demo/leads.csv', DATA],
		['/demo/spend.csv', DATA],
		['/modelboard/_app/immutable/chunks/a.js', IMMUTABLE],
		['/modelboard/funnel/', shellCache('v1')],
		['/modelboard/templates/leads.csv', shellCache('v1')],
		['/modelboard/modelboard.config.json', shellCache('v1')]
	])('%s goes to %s', (path, cache) => {
		expect(cacheFor(path, 'v1')).toBe(cache);
	});

	it('a new version deletes the old shell and keeps the demo data and the immutable files', () => {
		const before = [shellCache('v1'), IMMUTABLE, DATA, 'something-else'];
		expect(before.filter((k) => keepOnActivate(k, 'v2'))).toEqual([IMMUTABLE, DATA]);
		expect(keepOnActivate(shellCache('v2'), 'v2')).toBe(true);
	});

	it('every response refuses framing by another origin', () => {
		const headers = new Map(SECURITY_HEADERS);
		expect(headers.get('Content-Security-Policy')).toBe("frame-ancestors 'self'");
		expect(headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
		expect(headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
	});
});
