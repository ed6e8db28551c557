// Check-in distance: a check-in farther than the allowed radius from the whistle's location is
// recorded and flagged for the platform, not silently accepted (and not refused: the officer may be
// at the right place with a bad GPS fix, which the platform can judge).
import { distanceMeters, type LngLat } from '../../lib/geo.ts';

/** How far from the whistle's location a check-in may be before it is flagged (metres); WHISTLE_CHECK_IN_RADIUS_M overrides. */
export const CHECK_IN_RADIUS_M = Number(process.env.WHISTLE_CHECK_IN_RADIUS_M) > 0 ? Number(process.env.WHISTLE_CHECK_IN_RADIUS_M) : 500;

/** The distance of a check-in from the whistle and whether it is flagged. */
export function judgeCheckIn(whistleAt: LngLat, checkInAt: LngLat, radiusM = CHECK_IN_RADIUS_M): { distanceM: number; flagged: boolean } {
  const distanceM = Math.round(distanceMeters(whistleAt, checkInAt) * 10) / 10;
  return { distanceM, flagged: distanceM > radiusM };
}
