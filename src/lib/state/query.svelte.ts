/**
 * An async query that reruns when the reactive values it reads change, keeping the last result while
 * the next one computes (no flashing). Call during component initialisation.
 */
export interface Query<T> {
	readonly value: T | null;
	readonly loading: boolean;
	readonly error: string | null;
}

export function useQuery<T>(fn: () => Promise<T> | null): Query<T> {
	let value = $state.raw<T | null>(null);
	let loading = $state(false);
	let error = $state<string | null>(null);
	$effect(() => {
		const p = fn();
		if (!p) {
			value = null;
			loading = false;
			return;
		}
		let live = true;
		loading = true;
		p.then(
			(v) => {
				if (!live) return;
				value = v;
				error = null;
				loading = false;
			},
			(e: unknown) => {
				if (!live) return;
				error = e instanceof Error ? e.message : String(e);
				loading = false;
			}
		);
		return () => {
			live = false;
		};
	});
	return {
		get value() {
			return value;
		},
		get loading() {
			return loading;
		},
		get error() {
			return error;
		}
	};
}
