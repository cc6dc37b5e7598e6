"""The one permission policy: who may see and change what in Stepwise.

Every door (page, API operation, CLI command, export, feed, search) asks here. Objects a
person may not see are reported as missing (404), so their existence does not leak.

Roles, as the product defines them:
- a person owns their profile and their goals, assessments and learning plan;
- their manager sees what they share with their manager, and their profile;
- teammates and the organisation see what visibility allows;
- a mentor sees only what they are invited to;
- an admin runs the installation: people, teams, settings (not others' private content).

The policy is one package that leans the same way as the apps (docs/architecture.md), so
that asking it never pulls in an app above the caller's own:

- ``stepwise.access.people``: the signed-in person, profiles, API tokens, reporting lines
  and teams, admin-only pages;
- ``stepwise.access.skills``: assessments (people + skills);
- ``stepwise.access.goals``: goals, steps and check-ins (people + skills + goals);
- ``stepwise.access.admin``: what the Django admin may never show (names models by label,
  so it imports no app).

This module imports no app: import the policy function from the module of its subject.
"""
