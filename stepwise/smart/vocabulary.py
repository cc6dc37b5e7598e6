"""Word classes the rules rest on: verbs by how concrete they are, deliverables, metrics,
ties to the work, roles. Lists of words, never of whole sentences."""

from __future__ import annotations

import re

from stepwise.smart.lexicon import FLAGS, Gated, inflect, phrase_set, plural_nouns


def _words(text: str) -> list[str]:
    """Words and phrases from a spaced string; "_" joins the words of a phrase."""
    return [word.replace("_", " ") for word in text.split()]


def _verbs(text: str) -> list[str]:
    """Verb phrases with every inflection of their first word ("sit in on" → "sat in on")."""
    out: list[str] = []
    for verb in _words(text):
        head, _, tail = verb.partition(" ")
        out.extend(f"{form} {tail}".strip() for form in inflect(head))
    return out


# Verbs that name a concrete action: specific unless their object is vague ("something").
CONCRETE_VERBS = _verbs(
    "write draft publish ship launch release deploy present pass complete finish submit "
    "run conduct interview host organise organize hold lead create design prototype "
    "document define map draw size score groom refine estimate set_up establish introduce "
    "implement roll_out migrate automate replace rewrite rebuild refactor redesign read "
    "watch attend enrol enroll sign_up join shadow sit_in_on sit_with sit_in pair meet "
    "talk_to call visit survey test analyse analyze audit benchmark compare review check "
    "track measure report send share post record reply respond answer resolve fix triage "
    "clean_up close close_out kick_off invite ask apply agree block schedule book spend "
    "dedicate allocate practise practice teach mentor coach train onboard hire recruit "
    "sign negotiate adopt catch miss say meditate climb lose earn obtain graduate "
    "translate localise localize configure integrate instrument query code demo pitch "
    "facilitate moderate speak volunteer validate synthesise synthesize summarise "
    "summarize collect gather compile walk_through walk sit pick choose rank sleep "
    "exercise journal study play deliver swim cycle hike prepare produce plan list "
    "interview win reach_out email visit rate label tag merge sunset deprecate retire "
    "archive remove delete add set invest fund price quote bill sell buy build research "
    "sketch mock_up wireframe outline assemble install upload prioritise prioritize evaluate "
    "assess investigate observe talk chat coordinate renew cancel switch stand_up spin_up "
    "update refresh rework revamp overhaul simplify stop decline limit cap propose recommend "
    "verify confirm register escalate convert consolidate standardise standardize unify "
    "pilot open-source reorganise reorganize restructure split select decide_on calculate "
    "model forecast size_up scope document nominate attend complete quit"
)
# Verbs whose completion a third person can see ("ship X", "pass X", "rewrite X").
COMPLETION_VERBS = [
    *_verbs(
        "publish ship launch release deploy submit complete finish pass graduate close_out "
        "kick_off migrate roll_out go_live sign_off climb win hire onboard apply adopt deliver "
        "sunset deprecate retire merge earn obtain certify rebuild rewrite replace document "
        "diagram prototype wireframe mock_up write_up build create set_up implement introduce "
        "establish automate integrate configure instrument demo showcase pitch"
    ),
    "certified",
    "go-live",
]
# Verbs that set a direction; specific with a metric, a number or a deliverable.
CHANGE_VERBS = _verbs(
    "reduce cut lower decrease increase raise double triple halve shorten speed_up "
    "bring_down lift shrink trim minimise minimize maximise maximize"
)
# Vague direction verbs: specific only with a named metric or a number.
SOFT_VERBS = _verbs(
    "improve enhance grow boost drive optimise optimize accelerate strengthen expand "
    "develop advance elevate upgrade move"
)
# Generic verbs that carry nothing by themselves: specific only with an anchor.
GENERIC_VERBS = _verbs(
    "be become get have make do take go use keep bring put give own start hit reach "
    "achieve land secure transition try see find turn manage"
)
# Vague verbs: specific only with a number or a "by doing …" method.
VAGUE_VERBS = _verbs(
    "foster promote support nurture cultivate encourage champion embrace deepen broaden "
    "sharpen polish hone level_up upskill work_on focus_on invest_in care think predict "
    "anticipate help handle deal_with cope know understand explore familiarise "
    "familiarize master feel learn_about learn_how learn_more learn_what learn_the_basics "
    "learn_as_much learn_a_lot learn_everything learn_all learn_the_ropes learn_new stay "
    "keep_up keep_learning stop_learning work_smarter work_harder inspire motivate "
    "empower enable align contribute participate engage connect network reflect "
    "appreciate value respect trust listen communicate collaborate relax enjoy"
)

VAGUE_GATE = (
    "be am is are being become becoming get getting feel stay seem look grow build builds "
    "building built develop form forge create strengthen improve expand make makes making made "
    "take taking took show showing gain gains gained gaining do does doing did work establish "
    "establishes established establishing"
)
VAGUE_PHRASES = Gated(
    r"\b(?:be|am|is|are|being|become|becoming|get|getting|feel|stay|seem|look|grow)\s+"
    r"(?:(?:a|an|the|much|even|far|way|far|bit|little|lot|so|really|very)\s+)*"
    r"(?:more|less|better|best|fitter|closer|smarter|stronger|faster|happier|healthier|calmer"
    r"|comfortable|confident|familiar|organi[sz]ed|productive|present|creative|strategic"
    r"|technical|visible|perfect|liked|seen|known|involved|aware|proactive|reactive|efficient"
    r"|effective|empathetic|good|great|excellent|smartest|go-to|nicer|kinder|sharper"
    r"|clearer|bolder|braver|patient|decisive|assertive|resilient|focused|disciplined"
    r"|consistent|reliable|data-driven|customer-obsessed|on\s+top|up\s+to\s+speed|in\s+shape)\b"
    r"|\bget\s+(?:a\s+(?:better\s+)?handle|my\s+life\s+together|a\s+grip|a\s+feel)\b"
    r"|\b(?:build|builds|building|built|develop|form|forge|create|strengthen|improve|expand"
    r"|establish|establishes|established|establishing"
    r"|grow)\s+(?:(?:my|our|a|an|the|strong|stronger|better|good|great|solid|deep|deeper"
    r"|close|closer|lasting|real|more|trusted|healthy|personal|professional)\s+)*"
    r"(?:relationships?|rapport|trust|network|connections?|bonds?|presence|credibility"
    r"|reputation|brand|culture|mindset|habits?|intuition|muscle|understanding|sense"
    r"|awareness|empathy|confidence|skills?|knowledge|expertise|experience|capabilit(?:y|ies)"
    r"|competenc(?:e|y|ies)|thinking|influence|visibility|ownership)\b"
    r"|\b(?:make|makes|making|made)\s+(?:(?:[\w'-]+\s+){1,4})"
    r"(?:easier|better|simpler|smoother|clearer|faster|more|less|feel|a\s+hit|a\s+success"
    r"|happen|welcoming|great|work|sure)\b"
    r"|\b(?:take|taking|took|show|showing)\s+(?:more\s+)?(?:ownership|initiative|responsibility"
    r"|charge|the\s+lead|care)\b"
    r"|\bgain\w*\s+(?:more\s+)?(?:experience|knowledge|exposure|insights?|understanding"
    r"|confidence|visibility|perspective)\b"
    r"|\b(?:do|does|doing|did)\s+(?:more|better|less|good|great|well)\b"
    r"|\bwork\s+(?:smarter|harder|better)\b"
    r"|\b(?:get|getting)\s+(?:more\s+)?(?:involved|closer|comfortable|exposure|organised)\b",
    VAGUE_GATE,
)
# Objects that name nothing in particular.
VAGUE_OBJECT = re.compile(
    r"^[\W_]*(?:(?:something|anything|stuff|things|it\s+all|everything|whatever|more|better"
    r"|value|impact|results|excellence|greatness)\b|$)",
    FLAGS,
)
TRAILING_VAGUE = Gated(
    r"\b(?:more|better|less|harder|smarter|more\s+often|as\s+much\s+as\s+(?:i|we)\s+can)"
    r"\s*[.!]*\s*$",
    "more better less harder smarter often can",
)
BY_DOING = Gated(
    r"\b(?:by|through|via)\s+(?:\w+ing\b(?!\s+(?:more|better|less)\b)|\[)",
    "by through via",
)


def _nouns(text: str) -> list[str]:
    """Nouns and noun phrases from a spaced string, with their plurals."""
    return plural_nouns(_words(text))


DELIVERABLES = phrase_set(
    _nouns(
        "doc document write-up writeup PRD spec specification one-pager memo brief report "
        "analysis deck presentation slide talk demo workshop training session course "
        "class certification certificate exam test roadmap plan dashboard prototype "
        "mockup mock-up wireframe MVP feature release version blog blog_post post article "
        "newsletter case_study playbook guide template checklist OKR survey study "
        "interview persona journey_map business_case pitch proposal RFC postmortem "
        "post-mortem experiment A/B_test tutorial wiki FAQ handbook toolkit podcast video "
        "webinar meetup conference hackathon launch program programme pilot beta "
        "integration app website landing_page page book chapter paper portfolio epic "
        "story scenario diagram model summary digest update walkthrough retro "
        "retrospective kickoff kick-off review 1:1 one-on-one coffee_chat chat call visit "
        "meeting offsite bug_bash degree MBA marathon race project side_project "
        "tracking_plan definition RACI request record decision_record assessment list "
        "backlog canvas map framework policy guideline glossary changelog release_note "
        "announcement email campaign unit module lesson bootcamp takeaway agreement note "
        "scope cohort questionnaire benchmark audit teardown lunch brown_bag AMA standup "
        "stand-up loom screencast recording deliverable milestone checkpoint compliance "
        "accreditation patent ticket fix bug guild forum community_of_practice sync demo_day "
        "hackathon ritual onboarding_plan job_description JD interview_loop org_chart budget "
        "forecast financial_model spreadsheet SQL_query query notebook repo repository "
        "pull_request PR design_doc ADR case promotion_case development_plan lunch_and_learn "
        "design_sprint sprint_review sprint_demo mentor coach sponsor buddy self-review "
        "self_assessment write_up"
    )
)
METRICS = phrase_set(
    _nouns(
        "retention churn conversion conversion_rate activation adoption revenue NPS CSAT "
        "CES DAU MAU WAU ARR MRR ACV GMV signup sign-up registration upgrade ticket bug "
        "defect incident outage latency load_time uptime cycle_time lead_time "
        "handling_time response_time resolution_time time-to-first-value "
        "time_to_first_value time_to_value time-to-value download install rating "
        "expansion_revenue contract_value usage traffic visitor pipeline deal booking "
        "sales margin cost CAC LTV throughput velocity escalation error crash_rate "
        "coverage bounce_rate click-through_rate CTR open_rate win_rate renewal upsell "
        "funnel drop-off satisfaction_score engagement_rate completion_rate success_rate "
        "error_rate accuracy active_users active_teams active_editors subscriber trial "
        "waitlist MQL referral transaction budget headcount p95 p99 performance_score NRR "
        "GRR net_revenue_retention"
    ),
    compounds=True,
)
COUNTABLE_FAULTS = phrase_set(
    [
        *_nouns(
            "bug defect churn escalation incident outage downtime slip deadline complaint "
            "disagreement error crash regression delay email day miss"
        ),
        "churns",
        "churned",
        "uptime",
    ]
)
ABSOLUTE_MARKER = Gated(
    r"\b(?:never|always|ever|zero|no|nobody|every|all|100\s?%|a\s+single|forever)\b",
    "never always ever zero no nobody every all 100 single forever",
)
# Roles on the product ladder (a career step).
ROLE_TITLE = Gated(
    r"\b(?:(?:associate|senior|sr\.?|lead|principal|group|staff|junior|chief)\s+)?"
    r"(?:(?-i:PM|APM|GPM|PO)|product\s+(?:manager|owner|lead|director))s?\b"
    r"|\b(?:vp|vice\s+president|director|head|chief\s+\w+\s+officer)\s+of\s+product\w*\b"
    r"|\b(?:cpo|cto|ceo|coo|vp|svp|evp|director|head\s+of\s+\w+|c-level|executive"
    r"|chief\s+\w+\s+officer|team\s+lead|manager\s+of\s+\w+)\b",
    "pm pms apm apms gpm gpms po pos product vp vice director directors head chief cpo cto ceo "
    "coo svp evp executive executives lead manager c",
)
SENIOR_TITLE = Gated(
    r"\b(?:vp|vice\s+president|svp|evp|director|head\s+of|chief\s+\w+\s+officer|cpo|cto|ceo"
    r"|coo|c-level|group\s+(?:pm|product\s+manager)|principal\s+(?:pm|product\s+manager)"
    r"|senior\s+(?:pm|product\s+manager))\b",
    "vp vice svp evp director head chief cpo cto ceo coo c group principal senior",
)
# What "learn" may act on and stay specific: a skill, tool or thing ("learn SQL", "learn to
# write window functions", "learn our API"). The broad forms ("learn about", "learn how …",
# "learn the basics") are vague verbs and are found before this is asked.
LEARNABLE = re.compile(r"^\s*(?:to\s+)?[^\W_]", FLAGS)
