/** What the demo seeders share: the demo network and the ids of its organisations and people. */
export class DemoContext {
  constructor(
    readonly networkId: string,
    private readonly organisationIds: ReadonlyMap<string, string>,
    private readonly userIds: ReadonlyMap<string, string>,
  ) {}

  organisation(key: string): string {
    const id = this.organisationIds.get(key);
    if (!id) throw new Error(`Demo organisation ${key} is missing`);
    return id;
  }

  user(email: string): string {
    const id = this.userIds.get(email);
    if (!id) throw new Error(`Demo person ${email} is missing`);
    return id;
  }
}
