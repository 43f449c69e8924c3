// Types for the API tests that build a small network-scale world with the bench's fill.
import type { Client } from 'pg';

export interface FillSizes {
  networks: number;
  organisations: number;
  people: number;
  materials: number;
  courses: number;
  certificates: number;
  meetings: number;
  groupsPerNetwork: number;
  threadsPerGroup: number;
}
export function sizes(scale?: number): FillSizes;
export function fillNetworkScale(db: Client, scale?: number): Promise<{ counts: Record<string, number>; seconds: number }>;
