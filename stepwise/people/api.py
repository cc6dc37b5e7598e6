"""API operations about the person calling it: their profile, and their manager and team.

Manager and team are asked for and confirmed, as on the profile page: a request changes
nothing until the manager (or the team's lead, or an admin for a team without one) confirms
it. Asking for a manager answers the same whether or not the account exists.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Router, Status
from ninja.pagination import paginate

from stepwise.access.people import (
    access_own_placement_request,
    access_placement_request_to_answer,
    own_placement_requests,
    placement_requests_waiting_for,
    teams_to_join,
)
from stepwise.access.people import signed_in as caller
from stepwise.lib.api import LIST, PAGES, READ, ErrorOut, Pages, no_content
from stepwise.people import actions
from stepwise.people.models import PlacementRequest, PlacementRequestQuerySet, Team, User
from stepwise.people.schemas import (
    AnswerIn,
    ManagerRequestIn,
    PlacementRequestOut,
    ProfileOut,
    TeamOut,
    TeamRequestIn,
    WaitingRequestOut,
)

router = Router(tags=["people"])


@router.get("/me", response={200: ProfileOut, 401: ErrorOut}, summary="Your own profile")
def me(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@router.get(
    "/teams",
    response={200: list[TeamOut], **LIST},
    summary="Teams you can ask to join",
    description="Every team but your own. Team names are not private. Paginated.",
)
@paginate(Pages, **PAGES)
def list_teams(request: HttpRequest) -> object:
    return teams_to_join(caller(request)).order_by("name", "pk")


@router.get(
    "/me/placement-requests",
    response={200: list[PlacementRequestOut], **LIST},
    summary="Your requests waiting for an answer",
    description="Your pending requests for a manager or a team. Paginated.",
)
@paginate(Pages, **PAGES)
def my_requests(request: HttpRequest) -> PlacementRequestQuerySet:
    return own_placement_requests(caller(request))


@router.post(
    "/me/manager-request",
    response={202: PlacementRequestOut, **READ},
    summary="Ask someone to be your manager",
    description=(
        "Name them by sign-in name or e-mail. If that person has a Stepwise account, they see "
        "your request; nothing changes until they confirm. The answer is the same whether or "
        "not the account exists. A new request replaces your earlier one."
    ),
)
def request_manager(request: HttpRequest, payload: ManagerRequestIn) -> Status[PlacementRequest]:
    placement = actions.do_request_manager(
        person=caller(request), asked_for=payload.manager, request=request
    )
    return Status(202, placement)


@router.post(
    "/me/team-request",
    response={202: PlacementRequestOut, **READ},
    summary="Ask to join a team",
    description="The team's lead (or an admin, when it has none) confirms before you join.",
)
def request_team(request: HttpRequest, payload: TeamRequestIn) -> Status[PlacementRequest]:
    person = caller(request)
    team = teams_to_join(person).filter(pk=payload.team).first()
    if team is None:
        raise Http404("No such team to join")
    placement = actions.do_request_team(person=person, team=team, request=request)
    return Status(202, placement)


@router.delete(
    "/me/placement-requests/{request_id}",
    response={204: None, **READ},
    summary="Withdraw one of your requests",
)
def cancel_request(request: HttpRequest, request_id: int) -> HttpResponse:
    person = caller(request)
    placement = access_own_placement_request(person, request_id)
    actions.do_cancel_placement_request(placement=placement, person=person, request=request)
    return no_content()


@router.delete(
    "/me/manager",
    response={204: None, 401: ErrorOut},
    summary="Stop reporting to your manager",
    description="Takes access away only, so nobody needs to confirm.",
)
def remove_manager(request: HttpRequest) -> HttpResponse:
    actions.do_remove_manager(person=caller(request), request=request)
    return no_content()


@router.delete(
    "/me/team",
    response={204: None, 401: ErrorOut},
    summary="Leave your team",
    description="Takes access away only, so nobody needs to confirm.",
)
def leave_team(request: HttpRequest) -> HttpResponse:
    actions.do_leave_team(person=caller(request), request=request)
    return no_content()


@router.get(
    "/placement-requests",
    response={200: list[WaitingRequestOut], **LIST},
    summary="Requests waiting for your answer",
    description=(
        "People who asked you to be their manager, or to join a team you lead (and, for an "
        "admin, to join a team without a lead). Paginated."
    ),
)
@paginate(Pages, **PAGES)
def waiting_requests(request: HttpRequest) -> list[WaitingRequestOut]:
    return [_waiting_out(p) for p in placement_requests_waiting_for(caller(request))]


def _waiting_out(placement: PlacementRequest) -> WaitingRequestOut:
    team: Team | None = placement.team
    return WaitingRequestOut(
        id=placement.pk,
        kind=placement.kind,
        person_id=placement.person_id,
        person_name=placement.person.name,
        person_username=placement.person.username,
        team_id=team.pk if team else None,
        team_name=team.name if team else None,
        created_at=placement.created_at,
    )


@router.post(
    "/placement-requests/{request_id}/answer",
    response={200: PlacementRequestOut, **READ},
    summary="Confirm or decline a request",
    description=(
        "Only the manager named, the team's lead, or an admin; anyone else gets 404. "
        "Declining needs a `reason`, which the person reads."
    ),
)
def answer_request(request: HttpRequest, request_id: int, payload: AnswerIn) -> PlacementRequest:
    person = caller(request)
    placement = access_placement_request_to_answer(person, request_id)
    return actions.do_answer_placement_request(
        placement=placement,
        answered_by=person,
        confirm=payload.confirm,
        reason=payload.reason,
        request=request,
    )
