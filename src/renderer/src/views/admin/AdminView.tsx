import { useState } from 'react';
import type { CaseDto } from '../../../../shared/domain';
import { AgentsPanel } from './AgentsPanel';
import { CaseDetailDialog } from './CaseDetailDialog';
import { CasesPanel } from './CasesPanel';
import { QueuePanel } from './QueuePanel';

export function AdminView() {
  const [open, setOpen] = useState<CaseDto | null>(null);
  return (
    <div className="view view-admin">
      <div className="view-head">
        <h1 tabIndex={-1}>Supervisor</h1>
        <p className="view-lede">Who is on the desk, who is waiting, and every case ever logged.</p>
      </div>
      <div className="admin-top">
        <AgentsPanel />
        <QueuePanel onOpenCase={setOpen} />
      </div>
      <CasesPanel onOpenCase={setOpen} />
      {open && <CaseDetailDialog id={open.id} reference={open.reference} onClose={() => setOpen(null)} />}
    </div>
  );
}
