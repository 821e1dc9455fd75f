// The type-check cost budget's workload (scripts/type-cost.mjs): what a large app asks of the
// compiler at once. Not a tsd test: it is measured with `tsc --extendedDiagnostics`.
import { of, type Observable } from 'rxjs';
import { runTaskGroup } from 'rxjs-asyncer';
import { gather, mapConcurrent } from 'rxjs-asyncer/operators';

declare function load0(signal: AbortSignal): Promise<number>;
declare function load1(signal: AbortSignal): Promise<string>;
declare function load2(signal: AbortSignal): Promise<boolean>;
declare function load3(signal: AbortSignal): Promise<{ id: number }>;
declare function load4(signal: AbortSignal): Promise<string[]>;
declare function load5(signal: AbortSignal): Promise<number>;
declare function load6(signal: AbortSignal): Promise<string>;
declare function load7(signal: AbortSignal): Promise<boolean>;
declare function load8(signal: AbortSignal): Promise<{ id: number }>;
declare function load9(signal: AbortSignal): Promise<string[]>;
declare function load10(signal: AbortSignal): Promise<number>;
declare function load11(signal: AbortSignal): Promise<string>;
declare function load12(signal: AbortSignal): Promise<boolean>;
declare function load13(signal: AbortSignal): Promise<{ id: number }>;
declare function load14(signal: AbortSignal): Promise<string[]>;
declare function load15(signal: AbortSignal): Promise<number>;
declare function load16(signal: AbortSignal): Promise<string>;
declare function load17(signal: AbortSignal): Promise<boolean>;
declare function load18(signal: AbortSignal): Promise<{ id: number }>;
declare function load19(signal: AbortSignal): Promise<string[]>;
declare function load20(signal: AbortSignal): Promise<number>;
declare function load21(signal: AbortSignal): Promise<string>;
declare function load22(signal: AbortSignal): Promise<boolean>;
declare function load23(signal: AbortSignal): Promise<{ id: number }>;
declare function load24(signal: AbortSignal): Promise<string[]>;
declare function load25(signal: AbortSignal): Promise<number>;
declare function load26(signal: AbortSignal): Promise<string>;
declare function load27(signal: AbortSignal): Promise<boolean>;
declare function load28(signal: AbortSignal): Promise<{ id: number }>;
declare function load29(signal: AbortSignal): Promise<string[]>;
declare function load30(signal: AbortSignal): Promise<number>;
declare function load31(signal: AbortSignal): Promise<string>;
declare function load32(signal: AbortSignal): Promise<boolean>;
declare function load33(signal: AbortSignal): Promise<{ id: number }>;
declare function load34(signal: AbortSignal): Promise<string[]>;
declare function load35(signal: AbortSignal): Promise<number>;
declare function load36(signal: AbortSignal): Promise<string>;
declare function load37(signal: AbortSignal): Promise<boolean>;
declare function load38(signal: AbortSignal): Promise<{ id: number }>;
declare function load39(signal: AbortSignal): Promise<string[]>;
declare function load40(signal: AbortSignal): Promise<number>;
declare function load41(signal: AbortSignal): Promise<string>;
declare function load42(signal: AbortSignal): Promise<boolean>;
declare function load43(signal: AbortSignal): Promise<{ id: number }>;
declare function load44(signal: AbortSignal): Promise<string[]>;
declare function load45(signal: AbortSignal): Promise<number>;
declare function load46(signal: AbortSignal): Promise<string>;
declare function load47(signal: AbortSignal): Promise<boolean>;
declare function load48(signal: AbortSignal): Promise<{ id: number }>;
declare function load49(signal: AbortSignal): Promise<string[]>;
declare function load50(signal: AbortSignal): Promise<number>;
declare function load51(signal: AbortSignal): Promise<string>;
declare function load52(signal: AbortSignal): Promise<boolean>;
declare function load53(signal: AbortSignal): Promise<{ id: number }>;
declare function load54(signal: AbortSignal): Promise<string[]>;
declare function load55(signal: AbortSignal): Promise<number>;
declare function load56(signal: AbortSignal): Promise<string>;
declare function load57(signal: AbortSignal): Promise<boolean>;
declare function load58(signal: AbortSignal): Promise<{ id: number }>;
declare function load59(signal: AbortSignal): Promise<string[]>;

export const tuple = gather([load0, load1, load2, load3, load4, load5, load6, load7, load8, load9, load10, load11, load12, load13, load14, load15, load16, load17, load18, load19, load20, load21, load22, load23, load24, load25, load26, load27, load28, load29, load30, load31, load32, load33, load34, load35, load36, load37, load38, load39, load40, load41, load42, load43, load44, load45, load46, load47, load48, load49, load50, load51, load52, load53, load54, load55, load56, load57, load58, load59]);
export const record = gather({ k0: load0, k1: load1, k2: load2, k3: load3, k4: load4, k5: load5, k6: load6, k7: load7, k8: load8, k9: load9, k10: load10, k11: load11, k12: load12, k13: load13, k14: load14, k15: load15, k16: load16, k17: load17, k18: load18, k19: load19, k20: load20, k21: load21, k22: load22, k23: load23, k24: load24, k25: load25, k26: load26, k27: load27, k28: load28, k29: load29, k30: load30, k31: load31, k32: load32, k33: load33, k34: load34, k35: load35, k36: load36, k37: load37, k38: load38, k39: load39, k40: load40, k41: load41, k42: load42, k43: load43, k44: load44, k45: load45, k46: load46, k47: load47, k48: load48, k49: load49, k50: load50, k51: load51, k52: load52, k53: load53, k54: load54, k55: load55, k56: load56, k57: load57, k58: load58, k59: load59 });
export const group = runTaskGroup((tg) => [tg.soonify(load0)(tg.signal), tg.soonify(load1)(tg.signal), tg.soonify(load2)(tg.signal), tg.soonify(load3)(tg.signal), tg.soonify(load4)(tg.signal), tg.soonify(load5)(tg.signal), tg.soonify(load6)(tg.signal), tg.soonify(load7)(tg.signal), tg.soonify(load8)(tg.signal), tg.soonify(load9)(tg.signal), tg.soonify(load10)(tg.signal), tg.soonify(load11)(tg.signal), tg.soonify(load12)(tg.signal), tg.soonify(load13)(tg.signal), tg.soonify(load14)(tg.signal), tg.soonify(load15)(tg.signal), tg.soonify(load16)(tg.signal), tg.soonify(load17)(tg.signal), tg.soonify(load18)(tg.signal), tg.soonify(load19)(tg.signal), tg.soonify(load20)(tg.signal), tg.soonify(load21)(tg.signal), tg.soonify(load22)(tg.signal), tg.soonify(load23)(tg.signal), tg.soonify(load24)(tg.signal), tg.soonify(load25)(tg.signal), tg.soonify(load26)(tg.signal), tg.soonify(load27)(tg.signal), tg.soonify(load28)(tg.signal), tg.soonify(load29)(tg.signal), tg.soonify(load30)(tg.signal), tg.soonify(load31)(tg.signal), tg.soonify(load32)(tg.signal), tg.soonify(load33)(tg.signal), tg.soonify(load34)(tg.signal), tg.soonify(load35)(tg.signal), tg.soonify(load36)(tg.signal), tg.soonify(load37)(tg.signal), tg.soonify(load38)(tg.signal), tg.soonify(load39)(tg.signal), tg.soonify(load40)(tg.signal), tg.soonify(load41)(tg.signal), tg.soonify(load42)(tg.signal), tg.soonify(load43)(tg.signal), tg.soonify(load44)(tg.signal), tg.soonify(load45)(tg.signal), tg.soonify(load46)(tg.signal), tg.soonify(load47)(tg.signal), tg.soonify(load48)(tg.signal), tg.soonify(load49)(tg.signal), tg.soonify(load50)(tg.signal), tg.soonify(load51)(tg.signal), tg.soonify(load52)(tg.signal), tg.soonify(load53)(tg.signal), tg.soonify(load54)(tg.signal), tg.soonify(load55)(tg.signal), tg.soonify(load56)(tg.signal), tg.soonify(load57)(tg.signal), tg.soonify(load58)(tg.signal), tg.soonify(load59)(tg.signal)]);
export const chain: Observable<string> = of(1, 2, 3).pipe(
  mapConcurrent((n: number) => Promise.resolve(String(n)), 2),
  mapConcurrent((s: string, _i, signal) => of(s.length + Number(signal.aborted)), { concurrency: 4, ordered: false }),
  mapConcurrent((n: number) => Promise.resolve(String(n)), 2),
  mapConcurrent((s: string, _i, signal) => of(s.length + Number(signal.aborted)), { concurrency: 4, ordered: false }),
  mapConcurrent((n: number) => Promise.resolve(String(n)), 2),
  mapConcurrent((s: string, _i, signal) => of(s.length + Number(signal.aborted)), { concurrency: 4, ordered: false }),
  mapConcurrent((n: number) => Promise.resolve(String(n)), 2),
  mapConcurrent((s: string, _i, signal) => of(s.length + Number(signal.aborted)), { concurrency: 4, ordered: false }),
  mapConcurrent((n: number) => Promise.resolve(String(n)), 2),
);
export const sixty: string = (null! as Awaited<typeof group>)[59][0]!;
