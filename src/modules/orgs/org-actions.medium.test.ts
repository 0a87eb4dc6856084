import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { asUser, makeCounty, makeUser } from '../../../test/factories.js';
import { orgActions } from './org-actions.js';

describe.each(ENGINES)('what a caller may do at an organization, on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('answers by role and place: the superior over its branches, a secretary only at its own branch, a viewer nothing', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const town = await asUser(ctx, await makeUser(ctx, 'town-admin', ['org_admin'], 'C.T1'));
    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], 'C.T1.B1'));
    const viewer = await asUser(ctx, await makeUser(ctx, 'c-viewer', ['viewer'], 'C'));

    expect((await orgActions(ctx, 'C.T1.B1')).actions).toEqual(['record', 'superior', 'manageOrgs', 'manageUsers', 'import', 'viewPersonalData']);
    // The township's administrator: records and acts as the superior at its branches; at the township itself it
    // records but is nobody's superior (its own superior is the county).
    expect((await orgActions(town, 'C.T1.B2')).actions).toEqual(['record', 'superior', 'manageOrgs', 'manageUsers', 'import', 'viewPersonalData']);
    expect((await orgActions(town, 'C.T1')).actions).toEqual(['record', 'manageOrgs', 'manageUsers', 'import', 'viewPersonalData']);
    expect((await orgActions(secretary, 'C.T1.B1')).actions).toEqual(['record', 'import', 'viewPersonalData']);
    expect((await orgActions(viewer, 'C.T1.B1')).actions).toEqual([]);
    // Outside the caller's scope: not found, like every read.
    expect((await failure(orgActions(secretary, 'C.T1.B2'))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(orgActions(town, 'C'))).code).toBe('ORG_NOT_FOUND');
  });
});
