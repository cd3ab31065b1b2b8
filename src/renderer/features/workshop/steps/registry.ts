import type { ComponentType } from 'react';
import type { WorkshopStep } from '../../../store/route';
import { CadenceStep } from './cadence/CadenceStep';
import { GoalsStep } from './goals/GoalsStep';
import { HandoffStep } from './handoff/HandoffStep';
import { IcpStep } from './icp/IcpStep';
import { KpisStep } from './kpis/KpisStep';
import { LifecycleStep } from './lifecycle/LifecycleStep';
import { ParticipantsStep } from './participants/ParticipantsStep';
import { ProtocolStep } from './protocol/ProtocolStep';
import { ReviewStep } from './review/ReviewStep';

/** The screen of each workshop step. */
export const STEP_COMPONENTS: Record<WorkshopStep, ComponentType> = {
  participants: ParticipantsStep,
  icp: IcpStep,
  lifecycle: LifecycleStep,
  goals: GoalsStep,
  handoff: HandoffStep,
  protocol: ProtocolStep,
  kpis: KpisStep,
  cadence: CadenceStep,
  review: ReviewStep,
};
