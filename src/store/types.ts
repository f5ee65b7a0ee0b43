// The store's one interface. SQLite (embedded, the default) implements it now; a PostgreSQL
// implementation follows behind the same interface, so every method is async even where SQLite
// is synchronous, and callers never see SQL.
import type { Finding, FixedFinding, Severity, Target, TargetType } from "../core/model.js";

export type FindingStatus = "open" | "fixed" | "suppressed";

/** What a finished scan hands the store: written in one transaction, or not at all. */
export interface ScanRecord {
  /** Identity of the scanned thing: type and a canonical name (absolute real path, image digest, account id). */
  asset: { type: TargetType; name: string };
  /** The target as the user named it (shown in reports). */
  target: Target;
  startedAt: string;
  finishedAt: string;
  toolVersion: string;
  findings: Finding[];
}

export interface ScanOutcome {
  scanId: number;
  assetId: string;
  /** When the previous scan of the same asset finished, if there was one. */
  previousScanAt?: string;
  /** Ids of findings this scan is the first to see (or that come back after being fixed). */
  newIds: string[];
  /** Findings open or suppressed before and not seen by this scan: now fixed. */
  fixed: FixedFinding[];
  /** First-seen time of every finding of this scan, by id. */
  firstSeen: Record<string, string>;
}

export interface StoredAsset {
  id: string;
  type: TargetType;
  name: string;
  firstSeen: string;
  lastScanAt: string;
  openFindings: number;
}

export interface StoredScan {
  id: number;
  assetId: string;
  target: Target;
  startedAt: string;
  finishedAt: string;
  toolVersion: string;
  findingCount: number;
  newCount: number;
  fixedCount: number;
}

export interface StoredFinding {
  assetId: string;
  assetType: TargetType;
  assetName: string;
  status: FindingStatus;
  firstSeen: string;
  lastSeen: string;
  fixedAt?: string;
  finding: Finding;
}

export interface FindingQuery {
  assetId?: string;
  status?: FindingStatus[];
  severity?: Severity[];
  limit?: number;
  offset?: number;
}

export interface Store {
  /** Where the store lives, for messages (`sqlite:/home/u/.mamori/mamori.db`). */
  readonly location: string;
  recordScan(scan: ScanRecord): Promise<ScanOutcome>;
  findings(query?: FindingQuery): Promise<StoredFinding[]>;
  assets(): Promise<StoredAsset[]>;
  scans(query?: { assetId?: string; limit?: number }): Promise<StoredScan[]>;
  /** The cached analysis of an image layer (opaque bytes the image scanner wrote), if any. */
  getLayerCache(digest: string, key: string): Promise<Buffer | undefined>;
  putLayerCache(digest: string, key: string, data: Buffer): Promise<void>;
  close(): Promise<void>;
}
