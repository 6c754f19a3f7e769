"""``OfficerActions``: carrying out a verified request (its handlers, in order) and what the privacy
officer does with a request: run it, extend or refuse it, withdraw it, rectify, lift a restriction,
and the requester's single-use export download."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import DownloadLink, PrivacyRequest, RequestState, utcnow
from privacy import approval, deadline, export, handlers
from privacy.office import Office
from privacy.workflow import TransitionError, audit, token_digest, transition
from tickets.guards import active_restriction

_EXPORTS = ("access", "portability")


_OWNER_UNSAFE = re.compile(r"[^\w .:@+-]")


class OfficerActions:
    def __init__(self, office: Office) -> None:
        self.office = office

    def carry_out(self, session: Session, req: PrivacyRequest, actor: str, only: list[str] | None = None
                  ) -> list[handlers.Report]:
        """Run the handlers of the types not done yet (or of ``only``); fulfilled when all are done."""
        if req.state in (RequestState.RECEIVED, RequestState.VERIFIED):
            transition(session, req, RequestState.IN_PROGRESS, actor, "handling")
        done = set(req.details.get("done", []))
        reports = []
        approved = set((req.details.get("approval") or {}).get("types", []))
        waiting = {t for t in self.office.config.approval_required if t in req.types and t not in approved}
        wanted = [t for t in handlers.ORDER if t in req.types and t not in done and (only is None or t in only)
                  and t not in waiting]
        exported = False
        for kind in wanted:
            if kind in _EXPORTS and exported:
                report = handlers.Report(type=kind, done=["included in the same export"])
            elif kind == "erasure" and self._export_pending(session, req):
                # Erasing now would empty the export the requester was just sent; it runs after the download.
                report = handlers.Report(type=kind, done=["waits until the export has been downloaded"],
                                         complete=False)
            else:
                report = handlers.HANDLERS[kind](self.office.context(session, req, actor))
                exported = exported or kind in _EXPORTS
            reports.append(report)
            if report.complete:
                done.add(kind)
        req.details = {**req.details, "done": sorted(done),
                       "reports": [*req.details.get("reports", []), *(r.as_dict() for r in reports)]}
        if waiting - done:
            req.details = {**req.details, "awaiting": req.details.get("awaiting") or "approval"}
        self._fulfil_if_complete(session, req, actor)
        return reports

    @staticmethod
    def _fulfil_if_complete(session: Session, req: PrivacyRequest, actor: str) -> None:
        """Fulfilled when every type is done and no task outside scrubdesk is still open."""
        done = set(req.details.get("done", []))
        if req.open and req.types and done >= set(req.types) and req.details.get("awaiting") != "tasks":
            req.details = {k: v for k, v in req.details.items() if k != "awaiting"}
            transition(session, req, RequestState.FULFILLED, actor, "fulfilled", types=sorted(done))

    # -- the officer's approval of destructive types (erasure, restriction) ---------------------

    def approve(self, session: Session, request_id: int, actor: str, keep_open: list[int] | None = None
                ) -> list[handlers.Report]:
        """A privacy officer approves the verified request's destructive types; ``keep_open`` names open
        tickets (shown with their assignees) that stay until the officer erases them from the request page."""
        req = self.office.get(session, request_id)
        if req.state not in (RequestState.VERIFIED, RequestState.IN_PROGRESS):
            raise TransitionError("only a verified request can be approved")
        types = [t for t in self.office.config.approval_required if t in req.types]
        if not types:
            raise TransitionError("nothing in this request needs an approval")
        allowed = {t.id for t in approval.open_tickets(session, req)}
        keep = sorted({t for t in keep_open or [] if t in allowed})
        req.details = {**req.details, "approval": {"by": actor, "at": utcnow().isoformat(), "types": types,
                                                   "keep_open": keep}}
        req.details = {k: v for k, v in req.details.items() if not (k == "awaiting" and v == "approval")}
        audit(session, req, actor, "approved", types=types, kept_open=len(keep))
        return self.carry_out(session, req, actor, only=types)

    def task_done(self, session: Session, request_id: int, task_id: int, actor: str, *, done: bool = True) -> None:
        """Tick a task off (or back on); the last one done sends the erasure's confirmation."""
        req = self.office.get(session, request_id)
        task = approval.task_of(session, req, task_id)
        if not req.open:
            raise TransitionError("the request is closed; its tasks can no longer change")
        task.done_at, task.done_by = (utcnow(), actor) if done else (None, None)
        audit(session, req, actor, "task_done" if done else "task_undone", task=task.system)
        if done and req.details.get("awaiting") == "tasks" and not approval.open_tasks(session, req):
            handlers.finish_erasure(self.office.context(session, req, actor))
            self._fulfil_if_complete(session, req, actor)

    def task_owner(self, session: Session, request_id: int, task_id: int, actor: str, owner: str) -> None:
        req = self.office.get(session, request_id)
        task = approval.task_of(session, req, task_id)
        # A name or an agent's handle; nothing else, since the request page shows it inside a form field.
        task.owner = _OWNER_UNSAFE.sub("", owner).strip()[:128] or None
        audit(session, req, actor, "task_owner", task=task.system)

    def erase_kept_ticket(self, session: Session, request_id: int, task_id: int, actor: str) -> None:
        """Erase an open ticket the officer kept at the approval, and tick its task off."""
        req = self.office.get(session, request_id)
        task = approval.task_of(session, req, task_id)
        approval.erase_kept_ticket(session, req, task)
        audit(session, req, actor, "kept_ticket_erased", task=task.system)
        self.task_done(session, request_id, task_id, actor)

    @staticmethod
    def _export_pending(session: Session, req: PrivacyRequest) -> bool:
        return session.scalar(select(DownloadLink.id).where(
            DownloadLink.request_id == req.id, DownloadLink.used_at.is_(None),
            DownloadLink.expires_at > utcnow()).limit(1)) is not None

    def run(self, session: Session, request_id: int, actor: str) -> list[handlers.Report]:
        """An officer runs the remaining handlers of a verified request."""
        req = self.office.get(session, request_id)
        if req.state not in (RequestState.VERIFIED, RequestState.IN_PROGRESS):
            raise TransitionError("only a verified request can be carried out")
        return self.carry_out(session, req, actor)

    def propose_rectification(self, session: Session, request_id: int, actor: str, changes: dict[str, str]) -> None:
        req = self.office.get(session, request_id)
        clean = {k: v for k, v in changes.items() if k in handlers.RECTIFIABLE and v.strip()}
        req.details = {**req.details, "rectification": {"changes": clean, "proposed_by": actor}}
        audit(session, req, actor, "rectification_proposed", fields=sorted(clean))

    def approve_rectification(self, session: Session, request_id: int, actor: str) -> list[handlers.Report]:
        req = self.office.get(session, request_id)
        proposal = req.details.get("rectification")
        if not proposal or req.state not in (RequestState.VERIFIED, RequestState.IN_PROGRESS):
            raise TransitionError("nothing to approve")
        if self.office.config.rectification_four_eyes and proposal.get("proposed_by") == actor:
            raise TransitionError("four-eyes: the change must be approved by another officer than its proposer")
        req.details = {**req.details, "rectification": {**proposal, "approved_by": actor}}
        return self.carry_out(session, req, actor, only=["rectification"])

    def extend(self, session: Session, request_id: int, actor: str, reason: str) -> None:
        """Art. 12(3): two more months, with the reasons told to the requester before the first deadline."""
        req = self.office.get(session, request_id)
        if not req.open or req.extended_at is not None:
            raise TransitionError("the request is closed or already extended")
        if deadline.today() > req.first_due_on:
            raise TransitionError("an extension must be notified before the first deadline")
        if len(reason.strip()) < 10:
            raise TransitionError("state the reason for the extension")
        req.due_on = deadline.extended_deadline(deadline.received_on(req.received_at))
        req.extended_at = utcnow()
        req.extension_reason = reason.strip()
        audit(session, req, actor, "extended", due_on=req.due_on.isoformat())
        self.office.send(session, req, "extension", reason=req.extension_reason, due_on=req.due_on.isoformat(),
                         first_due_on=req.first_due_on.isoformat(), types=self.office.types_text(req))

    def refuse(self, session: Session, request_id: int, actor: str, reason: str) -> None:
        req = self.office.get(session, request_id)
        transition(session, req, RequestState.REFUSED, actor, "refused", reason=reason[:500])
        self.office.send(session, req, "refused", reason=reason.strip(), types=self.office.types_text(req))

    def withdraw(self, session: Session, request_id: int, actor: str, *, unmark: bool = False) -> None:
        """The requester withdrew it, or (``unmark``) an agent found it is no privacy request at all."""
        req = self.office.get(session, request_id)
        transition(session, req, RequestState.WITHDRAWN, actor, "unmarked" if unmark else "withdrawn")

    def announce_lift(self, session: Session, request_id: int, actor: str, on: str, reason: str) -> None:
        """Art. 18(3): the requester is told before a restriction is lifted."""
        req = self.office.get(session, request_id)
        req.details = {**req.details, "lift_announced": on}
        audit(session, req, actor, "restriction_lift_announced", on=on)
        self.office.send(session, req, "restriction_lifting", on=on, reason=reason.strip())

    def lift(self, session: Session, request_id: int, actor: str) -> None:
        req = self.office.get(session, request_id)
        announced = req.details.get("lift_announced")
        if not announced or announced > deadline.today().isoformat():
            raise TransitionError("tell the requester first, and lift on or after the announced day")
        restriction = active_restriction(session, req.customer_id)
        if restriction is not None:
            restriction.lifted_at = utcnow()
        audit(session, req, actor, "restriction_lifted")

    def download(self, session: Session, token: str) -> tuple[bytes, int] | None:
        """The export ZIP for a valid, unused, unexpired link (then used up), or None."""
        link = session.scalars(select(DownloadLink).where(
            DownloadLink.token_digest == token_digest(token)).with_for_update()).first()
        if link is None or link.used_at is not None or link.expires_at <= utcnow():
            return None
        req = self.office.get(session, link.request_id)
        link.used_at = utcnow()
        data = export.collect(session, req, self.office.config.statement)
        audit(session, req, "requester", "export_downloaded", tickets=len(data["tickets"]))
        bundle = export.bundle(data, req.lang, export.attachment_files(session, data))
        if "erasure" in req.types and "erasure" not in req.details.get("done", []) and req.open:
            self.carry_out(session, req, "system", only=["erasure"])
        return bundle, link.request_id
