/**
 * A renewal starts from the cycle that ends (spec §4.4): the same engagements, indicators and
 * action plans, each indicator's "result today" brought up to the latest value the cooperative
 * reported (checkpoint or mid-term report), so that the committee sees the results maintained.
 */
import type { Dossier } from './dossier-schema';

/** One indicator value as a progress or mid-term report gives it, with the day it was reported. */
export interface ReportedValue {
  engagementId: string;
  indicatorName: string;
  value: number;
  measuredOn: string;
}

/** The dossier carried into the renewal: a copy, each indicator's baseline the latest reported value. */
export function carryIntoRenewal(dossier: Dossier, reported: readonly ReportedValue[]): Dossier {
  const latest = new Map<string, ReportedValue>();
  for (const r of reported) {
    const key = `${r.engagementId}\u0000${r.indicatorName}`;
    const known = latest.get(key);
    if (!known || known.measuredOn <= r.measuredOn) latest.set(key, r);
  }
  const carried = structuredClone(dossier);
  for (const choice of carried.engagements ?? []) {
    for (const indicator of choice.indicators ?? []) {
      const value = latest.get(`${choice.engagementId}\u0000${indicator.name ?? ''}`);
      if (value) indicator.baseline = { ...indicator.baseline, value: value.value, measuredOn: value.measuredOn };
    }
  }
  return carried;
}
