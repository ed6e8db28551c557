// Input pieces the volunteer mutations share: validated at the edge (zod), before any write.
import { z } from 'zod';
import { clientMutationIdSchema } from '../../spine/writes.ts';

export const lngLat = z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) });
export const note = z.string().trim().max(2000).nullish();

/** How far a device's clock may run ahead of the server's, and how late an offline check-in or check-out may be sent. */
const SKEW_MS = 2 * 60_000;
const LATE_MS = 12 * 3600_000;

/** A time the member's device recorded (offline on site): not in the future, not older than 12 hours; absent means now. */
export const deviceTime = z.date().nullish().refine((d) => d == null || (d.getTime() <= Date.now() + SKEW_MS && d.getTime() >= Date.now() - LATE_MS), 'must be within the last 12 hours and not in the future');

/** The instant a check-in or check-out happened: the device's time, or now. */
export const atOr = (at: Date | null | undefined, now: Date) => at ?? now;

/** The input of a check-in or check-out: where the device is and, when it was offline, when. */
export const deviceStepSchema = z.object({ location: lngLat, at: deviceTime, clientMutationId: clientMutationIdSchema }).passthrough();
export const DEVICE_LOCATION = "Where the member's device is.";
export const DEVICE_TIME = 'When, as the device recorded it offline (within the last 12 hours); now when absent.';
