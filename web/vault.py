"""The vault in the workspace: which placeholders of a ticket have a vaulted value, and the reveal.

``GET /tickets/{number}/vault`` lists a ticket's vaulted placeholders (type, number, expiry; never a
value). A reveal (``POST .../vault/reveal``, or ``POST /api/tickets/{number}/vault/reveal`` with a
bearer token) needs a role the configuration names and a typed reason; the value is returned in
that one response only (``Cache-Control: no-store`` from the app) and the reveal, or its refusal, is
audited (``privacy.vault.reveal``). Without ``[vault] enabled`` the routes answer 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, FastAPI, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from privacy import vault
from privacy.cipher import Keyring
from tickets import audit, store
from tickets.accounts import Principal
from web.api import MAX_ID, NO_NUL, Problem, RowIdIn, TicketNumber, answers
from web.auth import ApiPrincipal, PagePrincipal
from web.pages import templates
from web.workspace import ticket_store

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api")


@dataclass(frozen=True, slots=True)
class VaultAccess:
    keyring: Keyring
    policy: vault.RevealPolicy


def install(app: FastAPI, access: VaultAccess | None) -> None:
    """Turn the vault's routes on for ``app`` (``serve`` calls this when the vault is enabled)."""
    app.state.vault_access = access


def _access(request: Request) -> VaultAccess:
    access: VaultAccess | None = getattr(request.app.state, "vault_access", None)
    if access is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "the vault is not enabled")
    return access


def _ticket_id(request: Request, number: int) -> int:
    with ticket_store(request).reading() as session:
        ticket = store.ticket_by_number(session, number)
        if ticket is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such ticket")
        return ticket.id


def _page(request: Request, who: Principal, number: int, access: VaultAccess, *, error: str | None = None,
          revealed: tuple[str, str] | None = None, code: int = 200) -> HTMLResponse:
    ticket_id = _ticket_id(request, number)
    with ticket_store(request).reading() as session:
        entries = vault.items(session, ticket_id)
    return templates.TemplateResponse(request, "vault.html", {
        "who": who, "number": number, "entries": entries, "error": error, "revealed": revealed,
        "may_reveal": who.role.value in access.policy.roles, "min_reason": access.policy.min_reason_chars,
    }, status_code=code)


def _reveal(request: Request, who: Principal, number: int, entity_type: str, placeholder_number: int,
            reason: str) -> str:
    access = _access(request)
    ticket_id = _ticket_id(request, number)
    try:
        return vault.reveal_in_own_transaction(
            ticket_store(request), access.keyring, access.policy, actor=audit.actor_of(who.username),
            role=who.role.value, ticket_id=ticket_id, entity_type=entity_type, number=placeholder_number,
            reason=reason)
    except vault.RevealRefused as exc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, str(exc)) from exc


@router.get("/tickets/{number}/vault")
def vault_page(request: Request, number: int, who: PagePrincipal) -> HTMLResponse:
    return _page(request, who, number, _access(request))


@router.post("/tickets/{number}/vault/reveal")
def reveal_form(
    request: Request, number: int, who: PagePrincipal,
    entity_type: Annotated[str, Form(max_length=32, pattern="^[A-Z][A-Z0-9_]*$")],
    placeholder_number: Annotated[int, Form(ge=1, le=MAX_ID)], reason: Annotated[str, Form(pattern=NO_NUL)] = "",
) -> HTMLResponse:
    access = _access(request)
    try:
        value = _reveal(request, who, number, entity_type, placeholder_number, reason)
    except HTTPException as exc:
        if exc.status_code != status.HTTP_403_FORBIDDEN:
            raise
        return _page(request, who, number, access, error=str(exc.detail), code=403)
    return _page(request, who, number, access, revealed=(f"<{entity_type}_{placeholder_number}>", value))


class RevealIn(BaseModel):
    entity_type: str = Field(max_length=32, pattern="^[A-Z][A-Z0-9_]*$", description="e.g. PERSON or IBAN_CODE")
    number: RowIdIn = Field(description="the placeholder's number: 2 for <PERSON_2>")
    reason: str = Field(default="", max_length=1000, pattern=NO_NUL)


class RevealOut(BaseModel):
    placeholder: str
    value: str


@api_router.post("/tickets/{number}/vault/reveal", responses={
    **answers(400, 401, 403), 404: {"model": Problem, "description": "no such ticket, or the vault is not enabled"}})
def reveal_api(request: Request, number: TicketNumber, body: RevealIn, who: ApiPrincipal) -> RevealOut:
    value = _reveal(request, who, number, body.entity_type, body.number, body.reason)
    return RevealOut(placeholder=f"<{body.entity_type}_{body.number}>", value=value)
