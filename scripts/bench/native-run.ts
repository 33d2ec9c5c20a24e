/** Runs one native job (engine or bare), in whichever process calls it. */
import { runNativeEngine, type NativeJob, type NativeResult } from './native';
import { runNativeBare } from './native-bare';

export function runNative(job: NativeJob): Promise<NativeResult> {
	return job.mode === 'engine' ? runNativeEngine(job) : runNativeBare(job);
}
