import Link from "next/link";
import type { ActionState } from "@/lib/action";
import type { DevicesView } from "@/lib/learner/current";
import { DeviceList } from "./device-list";
import { LinkDevicePanel, RecoveryKeyPanel } from "./link-device-panel";

type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;

/** Shown to a browser whose device was unlinked: its progress is gone from here on purpose, not lost. */
export function UnlinkedNotice() {
  return (
    <p className="alert" role="status" data-testid="unlinked-notice">
      This browser was unlinked from its progress on another device. What you study now starts fresh here. To see that progress again, <Link href="/link">enter a new link code</Link>.
    </p>
  );
}

/** Progress page: link another device, the recovery key, and the list of linked devices. */
export function DevicesSection({ view, revoke }: { view: DevicesView; revoke: Action }) {
  return (
    <section aria-labelledby="devices">
      <h2 id="devices">Your devices</h2>
      <p className="muted">
        No account needed: link your phone or another browser with a one-time code, and both show the same progress. Have a code from another device? <Link href="/link">Enter it here</Link>.
      </p>
      <LinkDevicePanel />
      {view.status === "active" && view.rows.length > 0 && <DeviceList devices={view.rows} action={revoke} />}
      <h3>Recovery key</h3>
      <RecoveryKeyPanel exists={view.status === "active" && view.hasRecoveryKey} createdOn={view.status === "active" ? view.recoveryKeyDate : null} />
    </section>
  );
}
