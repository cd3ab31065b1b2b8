import { z } from 'zod';
import { empty } from '../schemas';
import { deviceNameSchema, installationSettingsSchema } from '../keysAndSettings';
import type { OpTable } from './types';

/** Installation settings (the device name recorded with signatures). */
export const settingsOps = {
  /** Settings of this installation (the device name recorded with signatures). */
  'settings.get': { input: empty, output: installationSettingsSchema },
  /** An empty device name goes back to the generic one. */
  'settings.update': { input: z.strictObject({ deviceName: deviceNameSchema.nullable() }), output: installationSettingsSchema },
} as const satisfies OpTable;
