import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FINDING_DEFINITIONS } from '../catalogue/finding-definitions.ts';
import { alertsForFindings, newlyCriticalFindingIds, type FindingShown } from './finding-alerts.ts';
import { protocolSteps } from './protocol-steps.ts';

const injury: FindingShown = { id: 'non-mobile-injury', severity: 'critical' };
const sleep: FindingShown = { id: 'unsafe-sleep-combination', severity: 'critical' };
const abuse: FindingShown = { id: 'domestic-abuse', severity: 'high' };
const alerts = (before: FindingShown[], after: FindingShown[], open: string[] = []) =>
  alertsForFindings({ before, after, openAlertFindingIds: new Set(open), babyName: 'Ruby Okafor' });

describe('alerts for critical findings', () => {
  it('raises a critical alert for a non-mobile injury that was not showing before, with the protocol’s steps', () => {
    const [alert, ...rest] = alerts([abuse], [injury, abuse]);
    assert.equal(rest.length, 0);
    assert.equal(alert?.reason, 'critical-finding');
    assert.equal(alert?.severity, 'critical');
    assert.equal(alert?.findingId, 'non-mobile-injury');
    assert.equal(alert?.message, 'Injury to a baby who is not independently mobile: Ruby Okafor. Act now: follow the steps.');
    const steps = alert?.steps.join('\n') ?? '';
    assert.match(steps, /^Refer to children's social care today/);
    assert.match(steps, /paediatric assessment today/);
    assert.match(steps, /Do not assess the injury in isolation/);
    assert.match(steps, /birthmark, discuss it with a paediatrician today/);
  });

  it('raises one for an unsafe sleep combination: a safe sleep plan now, and the safeguarding lead', () => {
    const [alert] = alerts([], [sleep]);
    assert.equal(alert?.findingId, 'unsafe-sleep-combination');
    assert.match(alert?.steps[0] ?? '', /^Make a safe sleep plan with the family now/);
    assert.equal(alert?.steps[1], 'Discuss it with the safeguarding lead.');
  });

  it('raises one alert per finding newly showing, and none for a finding that was already showing', () => {
    assert.deepEqual(alerts([injury], [injury, sleep]).map((a) => a.findingId), ['unsafe-sleep-combination']);
    assert.deepEqual(alerts([], [injury, sleep, injury]).map((a) => a.findingId), ['non-mobile-injury', 'unsafe-sleep-combination']);
    assert.deepEqual(alerts([injury, sleep], [injury, sleep]), []);
  });

  it('raises nothing for findings that are not critical, or that cleared', () => {
    assert.deepEqual(alerts([], [abuse, { id: 'hidden-risk', severity: 'high' }, { id: 'adult-not-assessed', severity: 'attention' }]), []);
    assert.deepEqual(alerts([injury], []), []);
  });

  it('raises no second alert for a finding whose alert is still open, when it clears and shows again', () => {
    assert.deepEqual(alerts([], [injury], ['non-mobile-injury']), []);
    assert.equal(alerts([], [injury, sleep], ['non-mobile-injury']).length, 1);
  });

  it('ignores an id that is not a finding of the catalogue', () => {
    assert.deepEqual(newlyCriticalFindingIds([], [{ id: 'made-up', severity: 'critical' }]), []);
  });

  it('has steps for every critical finding: the protocol’s, or its suggested action', () => {
    for (const finding of FINDING_DEFINITIONS.filter((f) => f.severity === 'critical')) assert.ok(protocolSteps(finding.id).length > 0, finding.id);
    assert.deepEqual(protocolSteps('domestic-abuse'), ['Complete the DASH risk assessment; refer to MARAC if the risk is high.']);
  });
});
