import { cadence } from './cadence';
import { goals } from './goals';
import { handoff } from './handoff';
import { icp } from './icp';
import { kpis } from './kpis';
import { lifecycle } from './lifecycle';
import { participants } from './participants';
import { protocol } from './protocol';
import { review } from './review';

/** Labels, help and guidance of each workshop step (one file per step). */
export const steps = { participants, icp, lifecycle, goals, handoff, protocol, kpis, cadence, review };
