import { describe, expect, it } from 'vitest';
import { ASSIGNABLE_ROLES, PERMISSIONS, PERMISSIONS_BY_ROLE, ROLES, roleHas } from './permissions.js';

describe('permission map', () => {
  it('gives each higher role everything the role below it has', () => {
    for (let i = 1; i < ROLES.length; i++) {
      const lower = PERMISSIONS_BY_ROLE[ROLES[i - 1]!];
      const higher = PERMISSIONS_BY_ROLE[ROLES[i]!];
      expect(lower.filter((p) => !higher.includes(p))).toEqual([]);
    }
  });

  it('keeps member management away from volunteers', () => {
    expect(roleHas('VOLUNTEER', 'members.read')).toBe(false);
    expect(roleHas('VOLUNTEER', 'members.inviteVolunteer')).toBe(false);
    expect(roleHas('ORG_LEADER', 'members.inviteVolunteer')).toBe(true);
  });

  it('lets only coordinators and above invite leaders or create organisations', () => {
    const who = (permission: (typeof PERMISSIONS)[number]) => ROLES.filter((r) => roleHas(r, permission));
    expect(who('members.inviteLeader')).toEqual(['COORDINATOR', 'PLATFORM_ADMIN']);
    expect(who('organisation.create')).toEqual(['COORDINATOR', 'PLATFORM_ADMIN']);
  });

  it('never lets anyone hand out a role above their own', () => {
    const rank = (role: string) => ROLES.indexOf(role as (typeof ROLES)[number]);
    for (const role of ROLES) {
      for (const assignable of ASSIGNABLE_ROLES[role]) expect(rank(assignable)).toBeLessThanOrEqual(rank(role));
    }
    expect(ASSIGNABLE_ROLES.VOLUNTEER).toEqual([]);
  });

  it('names only known permissions', () => {
    for (const role of ROLES) for (const p of PERMISSIONS_BY_ROLE[role]) expect(PERMISSIONS).toContain(p);
  });
});
