import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capabilityStatement } from './capability-statement.ts';
import { ukCoreProblems } from './uk-core-rules.test-support.ts';
import { EXPORTED_RESOURCE_TYPES, UK_CORE_PROFILES } from './uk-core.ts';

describe('the CapabilityStatement', () => {
  const statement = capabilityStatement('https://icp.example/api/v1/fhir');

  it('is an instance of FHIR R4 in JSON, with its implementation (cpb-2, cpb-14)', () => {
    assert.deepEqual(ukCoreProblems({ ...statement }), []);
    assert.equal(statement.kind, 'instance');
    assert.equal(statement.fhirVersion, '4.0.1');
    assert.equal(statement.implementation.url, 'https://icp.example/api/v1/fhir');
    assert.ok(statement.format.includes('application/fhir+json'));
  });

  it('lists every exported type with its UK Core profile: Patient read and $everything, the others searched by patient; and the Bundle import', () => {
    const resources = statement.rest[0]!.resource;
    assert.deepEqual(resources.map((resource) => resource.type), [...EXPORTED_RESOURCE_TYPES, 'Bundle']);
    for (const resource of resources.filter((r) => r.type !== 'Bundle')) assert.equal(resource.profile, UK_CORE_PROFILES[resource.type as keyof typeof UK_CORE_PROFILES]);
    assert.deepEqual(resources[0]?.operation?.map((operation) => operation.name), ['everything']);
    assert.ok(resources.slice(1, -1).every((resource) => resource.searchParam?.[0]?.name === 'patient' && resource.interaction[0]?.code === 'search-type'));
    assert.deepEqual(resources.at(-1)?.interaction, [{ code: 'create' }]);
  });
});
