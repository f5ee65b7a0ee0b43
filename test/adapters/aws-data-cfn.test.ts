// CloudFormation onto the AWS data-service models: companion resources joined by Ref, string
// booleans and numbers read, intrinsic functions left unknown.
import { describe, expect, it } from "vitest";
import { cloudFormationAdapter } from "../../src/adapters/cloudformation.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type { DynamoTable, PolicyGrant, RdsInstanceData, S3BucketData, SearchDomain, Secret, SqsQueue } from "../../src/models/aws-data.js";

function models<T extends ResourceModel>(body: string, type: string): T[] {
  const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${body}`;
  return cloudFormationAdapter.parse(text, "template.yaml").models.filter((m) => m.modelType === type) as T[];
}

function one<T extends ResourceModel>(body: string, type: string): T {
  const all = models<T>(body, type);
  expect(all).toHaveLength(1);
  return all[0] as T;
}

describe("aws.s3.BucketData from CloudFormation", () => {
  const all = models<S3BucketData>(
    `  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-logs
      AccessControl: LogDeliveryWrite
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref Logs
      VersioningConfiguration:
        Status: Enabled
      ObjectLockEnabled: "true"
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt Key.Arn
  Key:
    Type: AWS::KMS::Key
  DataPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: "s3:*"
            Condition:
              Bool:
                aws:SecureTransport: false
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-logs
`,
    "aws.s3.BucketData",
  );
  const logs = all.find((b) => b.address === "Logs") as S3BucketData;
  const data = all.find((b) => b.address === "Data") as S3BucketData;

  it("reads bucket properties, string booleans included", () => {
    expect(data.logging).toMatchObject({ value: true, known: true });
    expect(data.versioning).toMatchObject({ value: true, known: true });
    expect(data.mfaDelete).toBeUndefined();
    expect(data.objectLock).toMatchObject({ value: true, known: true });
    expect(data.sseAlgorithm).toMatchObject({ value: "aws:kms" });
    expect(data.sseKmsKey).toMatchObject({ known: false });
  });

  it("names AccessControl as the canned ACL it is", () => {
    expect(logs.acl).toMatchObject({ value: "log-delivery-write", known: true });
    expect(logs.isLogTarget).toBe(true);
  });

  it("joins the bucket policy by Ref and the trail by literal bucket name", () => {
    expect(data.policy).toMatchObject({ known: true });
    expect(data.policy?.statements[0]?.conditions).toEqual([
      { operator: "Bool", key: "aws:SecureTransport", values: [expect.objectContaining({ value: "false", known: true })] },
    ]);
    expect(logs.policy).toBeUndefined();
    expect(logs.trails).toEqual(["Trail"]);
  });

  it("leaves the policy unknown when a BucketPolicy names a bucket it cannot tie", () => {
    const b = one<S3BucketData>(
      `  Data:
    Type: AWS::S3::Bucket
  Other:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !ImportValue shared-bucket
      PolicyDocument:
        Statement: []
`,
      "aws.s3.BucketData",
    );
    expect(b.policy).toMatchObject({ known: false });
  });
});

describe("other CloudFormation mappers", () => {
  it("joins queue policies listed in Queues", () => {
    const q = models<SqsQueue>(
      `  A:
    Type: AWS::SQS::Queue
  B:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: "false"
  Policy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues:
        - !Ref B
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: "*"
            Action: sqs:SendMessage
`,
      "aws.sqs.Queue",
    );
    expect(q.find((x) => x.address === "A")?.policy).toBeUndefined();
    const b = q.find((x) => x.address === "B");
    expect(b?.managedSse).toMatchObject({ value: false, known: true });
    expect(b?.policy?.statements[0]?.principals[0]).toMatchObject({ kind: "AWS", value: { value: "*" } });
  });

  it("ties a rotation schedule to its secret", () => {
    const s = one<Secret>(
      `  Db:
    Type: AWS::SecretsManager::Secret
  Rotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref Db
      RotationRules:
        AutomaticallyAfterDays: "120"
`,
      "aws.secretsmanager.Secret",
    );
    expect(s.rotation).toMatchObject({ value: true, known: true });
    expect(s.rotationDays).toMatchObject({ value: 120, known: true });
  });

  it("reads RDS instances in and out of clusters", () => {
    const dbs = models<RdsInstanceData>(
      `  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
  Member:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: !Ref Cluster
  Single:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      BackupRetentionPeriod: "3"
      EnableCloudwatchLogsExports: [postgresql]
`,
      "aws.rds.InstanceData",
    );
    expect(dbs.find((d) => d.address === "Member")).toMatchObject({ clusterMember: true });
    const single = dbs.find((d) => d.address === "Single");
    expect(single).toMatchObject({ clusterMember: false, backupRetentionDays: { value: 3, known: true } });
    expect(single?.logExports?.map((v) => v.value)).toEqual(["postgresql"]);
  });

  it("reads DynamoDB encryption and OpenSearch log publishing maps", () => {
    const t = one<DynamoTable>(
      `  T:
    Type: AWS::DynamoDB::Table
    Properties:
      SSESpecification:
        SSEEnabled: true
`,
      "aws.dynamodb.Table",
    );
    expect(t).toMatchObject({ sseKms: { value: true }, kmsKey: undefined });
    const d = one<SearchDomain>(
      `  D:
    Type: AWS::OpenSearchService::Domain
    Properties:
      LogPublishingOptions:
        AUDIT_LOGS:
          Enabled: false
        ES_APPLICATION_LOGS:
          CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:x
`,
      "aws.opensearch.Domain",
    );
    expect(d.logPublishing).toMatchObject({ value: true, known: true });
  });

  it("grants policies from users, roles and standalone policies", () => {
    const grants = models<PolicyGrant>(
      `  Ops:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AdministratorAccess
  Inline:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: inline
      Users:
        - !Ref Ops
      PolicyDocument:
        Statement: []
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: !Ref RoleList
      PolicyDocument:
        Statement: []
`,
      "aws.iam.PolicyGrant",
    );
    expect(grants.map((g) => [g.address, g.principalKind, g.principal, g.kind, g.policyArn?.value])).toEqual([
      ["Ops", "user", "Ops", "managed", "arn:aws:iam::aws:policy/AdministratorAccess"],
      ["Inline", "user", "Ops", "inline", undefined],
    ]);
  });
});
