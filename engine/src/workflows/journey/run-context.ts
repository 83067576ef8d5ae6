import type { JourneyNode } from '@ruta/shared/workflow';
import { condition, patched } from '@temporalio/workflow';
import { fallBack, fallbackDue, nextSilenceDeadline } from './delivery-watch';
import { flush } from './journal';
import type {
  ContactSnapshot,
  Delivery,
  JournalStep,
  JourneyRunInput,
  ReceivedSignal,
  RunState,
  RunStatus,
  SentMessage,
  StepKind,
  WaitingFor,
} from './types';

/** `patched()` id: sleeps wake to save a goal reached mid-wait (runs started before it do not). */
export const SAVE_GOAL_DURING_WAIT = 'save-goal-during-wait';

/** How many outbox deliveries a run remembers to ignore their repeats. */
const DELIVERIES_KEPT = 200;

/** Why a run stops before its graph ends: a goal reached or an operator's removal. */
export interface Interrupt {
  outcome: 'converted' | 'removed';
  detail: Record<string, unknown>;
}

/**
 * Everything one run knows while it executes. Workflow code: no I/O, and time comes only from
 * the workflow clock (`Date.now()` is deterministic inside Temporal's sandbox).
 */
export class RunContext {
  readonly input: JourneyRunInput;
  contact: ContactSnapshot;
  readonly visits: Record<string, number>;
  readonly sent: SentMessage[];
  readonly received: ReceivedSignal[];
  /** Webhook responses kept on the run (`saveResponseAs`), seen by conditions as contact attributes. */
  readonly saved: Record<string, unknown>;
  /** Engagement facts of signals received before this run and no longer in `received`. */
  readonly engagementBefore: Record<string, unknown> | undefined;
  readonly startedAt: number;
  steps: number;
  currentNodeId: string | undefined;
  waitingFor: WaitingFor | undefined;
  status: RunStatus = 'active';
  outcome: string | undefined;
  convertedAt: string | undefined;
  interrupt: Interrupt | undefined;
  /** The conversion time last written to the runs row (see `sleepUntil`). */
  savedConvertedAt: string | undefined;
  /** Hand-offs closed by their agent, by id: the result a waiting hand-off step goes on by. */
  readonly handoffResults: Record<string, string> = {};
  /** Failed statuses make the run try the send's next channel (patched in: delivery-watch.ts). */
  fallbackOnStatus: boolean;
  private journalSeq: number;
  private pending: JournalStep[] = [];
  private readonly deliveries: string[];
  private readonly seenDeliveries: Set<string>;

  constructor(input: JourneyRunInput, contact: ContactSnapshot) {
    const carried = input.carried;
    this.input = input;
    this.contact = carried?.contact ?? contact;
    this.visits = { ...(carried?.visits ?? {}) };
    this.sent = [...(carried?.sent ?? [])];
    this.received = [...(carried?.received ?? [])];
    this.saved = { ...(carried?.saved ?? {}) };
    this.engagementBefore = carried?.engagement;
    this.startedAt = carried?.startedAt ?? Date.now();
    this.steps = carried?.steps ?? 0;
    this.journalSeq = carried?.journalSeq ?? 0;
    this.convertedAt = carried?.convertedAt;
    this.deliveries = [...(carried?.deliveries ?? [])];
    this.seenDeliveries = new Set(this.deliveries);
    this.fallbackOnStatus = carried?.fallbackOnStatus ?? false;
  }

  /**
   * Whether a signal from outside is for this run and new to it: the outbox delivers at least
   * once, and a workflow id outlives its runs (re-entry), so a repeat or another run's signal is
   * ignored. Signals without these fields (older senders) are always taken.
   */
  takes(signal: Delivery): boolean {
    if (signal.runId !== undefined && signal.runId !== this.input.runId) return false;
    const id = signal.deliveryId;
    if (id === undefined) return true;
    if (this.seenDeliveries.has(id)) return false;
    this.seenDeliveries.add(id);
    this.deliveries.push(id);
    if (this.deliveries.length > DELIVERIES_KEPT) {
      const forgotten = this.deliveries.shift();
      if (forgotten !== undefined) this.seenDeliveries.delete(forgotten);
    }
    return true;
  }

  /** The deliveries a continuation must keep ignoring. */
  recentDeliveries(): string[] {
    return this.deliveries.slice(-DELIVERIES_KEPT);
  }

  get definition() {
    return this.input.definition;
  }

  get holdout(): boolean {
    return this.input.group === 'holdout';
  }

  get timeScale(): number {
    return this.input.preview?.timeScale ?? 1;
  }

  node(nodeId: string): JourneyNode {
    const node = this.definition.nodes[nodeId];
    if (!node) throw new Error(`the journey has no node "${nodeId}"`);
    return node;
  }

  /** Where an output leads; undefined when it is left unconnected (the run ends). */
  next(nodeId: string, port: string): string | undefined {
    return this.definition.edges.find((e) => e.source === nodeId && e.sourcePort === port)?.target;
  }

  record(nodeId: string, kind: StepKind, detail?: Record<string, unknown>, port?: string): void {
    this.journalSeq += 1;
    this.pending.push({
      seq: this.journalSeq,
      at: new Date().toISOString(),
      nodeId,
      kind,
      ...(port !== undefined ? { port } : {}),
      ...(detail !== undefined ? { detail } : {}),
    });
  }

  /** Steps not yet written to PostgreSQL; taking them empties the buffer. */
  takePending(): JournalStep[] {
    const steps = this.pending;
    this.pending = [];
    return steps;
  }

  /** Puts steps back when a flush failed, so nothing is lost. */
  restorePending(steps: JournalStep[]): void {
    this.pending = [...steps, ...this.pending];
  }

  get seq(): number {
    return this.journalSeq;
  }

  /** Compressed in preview: real duration → workflow timer duration. */
  scaled(ms: number): number {
    return Math.max(0, Math.round(ms / this.timeScale));
  }

  /**
   * Sleeps until `untilMs` (real time; compressed in preview), waking early when `wake()` holds
   * or the run is interrupted. Returns true when woken by `wake()`. A goal reached during the
   * sleep (one that does not end the run) is written to the runs row at once, so analytics count
   * the conversion when it happens rather than when the wait ends.
   */
  async sleepUntil(untilMs: number, wake: () => boolean = () => false): Promise<boolean> {
    // Asked only once a goal is waiting to be saved: a run that never meets one writes no patch
    // marker (one history event less). Replays ask at the same moment, so they answer the same.
    let saveGoals: boolean | undefined;
    const goalUnsaved = () => {
      if (this.convertedAt === this.savedConvertedAt) return false;
      saveGoals ??= patched(SAVE_GOAL_DURING_WAIT);
      return saveGoals;
    };
    for (;;) {
      // A send that failed later, or was not delivered in time, tries its next channel while
      // the run waits (delivery-watch.ts); the wait itself goes on.
      if (this.interrupt === undefined && !wake()) {
        const due = fallbackDue(this);
        if (due) {
          await fallBack(this, due);
          await flush(this); // the timeline shows the new attempt now, not at the wait's end
          continue;
        }
      }
      const remaining = this.scaled(untilMs - this.realNow());
      if (remaining <= 0) return wake();
      const watch = nextSilenceDeadline(this);
      const timeout =
        watch === undefined ? remaining : Math.max(1, Math.min(remaining, watch - Date.now()));
      const woke = await condition(
        () =>
          this.interrupt !== undefined ||
          wake() ||
          goalUnsaved() ||
          fallbackDue(this) !== undefined,
        timeout,
      );
      if (this.interrupt === undefined && !wake() && fallbackDue(this) !== undefined) continue;
      if (woke && this.interrupt === undefined && !wake() && goalUnsaved()) {
        await flush(this);
        continue;
      }
      if (!woke && timeout < remaining) continue; // woke for a delivery deadline, not the wait's
      return woke && this.interrupt === undefined && wake();
    }
  }

  /** "Now" as the journey means it: in preview, time runs `timeScale` times faster since the start. */
  realNow(): number {
    const now = Date.now();
    if (this.timeScale === 1) return now;
    return this.startedAt + (now - this.startedAt) * this.timeScale;
  }

  state(): RunState {
    return {
      runId: this.input.runId,
      status: this.status,
      currentNodeId: this.currentNodeId,
      waitingFor: this.waitingFor,
      outcome: this.outcome,
      convertedAt: this.convertedAt,
      visits: this.visits,
      group: this.input.group,
      preview: this.input.preview !== undefined,
    };
  }
}
