// Fn::ForEach (AWS::LanguageExtensions): loops over known collections are expanded into resources,
// conditions and properties, with ${Id}, &{Id} and Ref: Id replaced; unknown collections warn.
import { describe, expect, it } from "vitest";
import { cloudFormationAdapter, readTemplate } from "../../src/adapters/cloudformation.js";
import type { CfnResource } from "../../src/adapters/cfn/types.js";
import { InputError } from "../../src/core/errors.js";
import type { IacNode } from "../../src/models/value.js";
import { plain } from "./terraform-helpers.js";

const props = (r: CfnResource | undefined): unknown => plain({ t: "object", entries: r?.properties ?? new Map<string, IacNode>(), range: { startLine: 1, endLine: 1 } });

describe("Fn::ForEach in Resources", () => {
  it("makes one resource per item, ${Id} and &{Id} in logical ids, Ref and Sub in values, at the fragment's lines", () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Topics:
    - TopicName
    - [Success, Failure]
    - SnsTopic\${TopicName}:
        Type: AWS::SNS::Topic
        Properties:
          TopicName: !Sub "\${TopicName}.fifo"
          DisplayName: !Ref TopicName
          FifoTopic: true
  Fn::ForEach::Subnets:
    - Cidr
    - ["10.0.1.0/24", "10.0.2.0/24"]
    - Subnet&{Cidr}:
        Type: AWS::EC2::Subnet
        Properties:
          CidrBlock: { Ref: Cidr }
          Tags:
            - { Key: Name, Value: "subnet-\${Cidr}" }
  Plain:
    Type: AWS::S3::Bucket
`;
    const { resources, warnings } = readTemplate(text, "t.yaml");
    expect(warnings).toEqual([]);
    expect(resources.map((r) => [r.logicalId, r.type, r.range.startLine])).toEqual([
      ["SnsTopicSuccess", "AWS::SNS::Topic", 7],
      ["SnsTopicFailure", "AWS::SNS::Topic", 7],
      ["Subnet1001024", "AWS::EC2::Subnet", 16],
      ["Subnet1002024", "AWS::EC2::Subnet", 16],
      ["Plain", "AWS::S3::Bucket", 22],
    ]);
    expect(props(resources[1])).toEqual({ TopicName: "Failure.fifo", DisplayName: "Failure", FifoTopic: true });
    expect(props(resources[3])).toEqual({ CidrBlock: "10.0.2.0/24", Tags: [{ Key: "Name", Value: "subnet-10.0.2.0/24" }] });
    expect(resources[1]?.properties.get("DisplayName")?.range.startLine).toBe(11);
  });

  it("takes the collection from a CommaDelimitedList parameter and a mapping, and expands nested loops", () => {
    const text = `Transform: AWS::LanguageExtensions
Parameters:
  Envs: { Type: CommaDelimitedList, Default: "dev,prod" }
Mappings:
  Tiers: { All: { Names: [web, db] } }
Resources:
  Fn::ForEach::Envs:
    - Env
    - !Ref Envs
    - Fn::ForEach::Tiers:
        - Tier
        - !FindInMap [Tiers, All, Names]
        - \${Env}\${Tier}Logs:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub "acme-\${Env}-\${Tier}-logs"
      \${Env}Queue:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: !Join ["-", [!Ref Env, queue]]
`;
    const { resources, warnings } = readTemplate(text, "t.yaml");
    expect(warnings).toEqual([]);
    expect(resources.map((r) => [r.logicalId, plain(r.properties.get("BucketName") ?? r.properties.get("QueueName"))])).toEqual([
      ["devwebLogs", "acme-dev-web-logs"],
      ["devdbLogs", "acme-dev-db-logs"],
      ["devQueue", "dev-queue"],
      ["prodwebLogs", "acme-prod-web-logs"],
      ["proddbLogs", "acme-prod-db-logs"],
      ["prodQueue", "prod-queue"],
    ]);
  });

  it("lets resources refer to each other by generated logical id, and to generated conditions", () => {
    const text = `Transform: AWS::LanguageExtensions
Parameters:
  Prod: { Type: String, Default: "yes" }
Conditions:
  Fn::ForEach::Conds:
    - Name
    - [A, B]
    - Is\${Name}: !Equals [!Ref Prod, "yes"]
Resources:
  Fn::ForEach::Buckets:
    - Name
    - [A, B]
    - Bucket\${Name}:
        Type: AWS::S3::Bucket
        Condition: Is\${Name}
      Policy\${Name}:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref
            Fn::Sub: Bucket\${Name}
          PolicyDocument: { Statement: [] }
`;
    const { resources, warnings } = readTemplate(text, "t.yaml");
    expect(warnings).toEqual([]);
    expect(resources.map((r) => [r.logicalId, plain(r.properties.get("Bucket"))])).toEqual([
      ["BucketA", undefined],
      ["PolicyA", "?BucketA"],
      ["BucketB", undefined],
      ["PolicyB", "?BucketB"],
    ]);
  });

  it("keeps the warning, and scans nothing of the loop, when the collection is not known", () => {
    const text = `Transform: AWS::LanguageExtensions
Parameters:
  Names: { Type: CommaDelimitedList }
Resources:
  Fn::ForEach::Buckets:
    - Name
    - !Ref Names
    - Bucket\${Name}:
        Type: AWS::S3::Bucket
  Fn::ForEach::Broken:
    - Name
    - [a]
  Other:
    Type: AWS::S3::Bucket
`;
    const { resources, warnings } = readTemplate(text, "t.yaml");
    expect(resources.map((r) => r.logicalId)).toEqual(["Other"]);
    expect(warnings).toEqual([
      { line: 5, message: "Fn::ForEach::Buckets is not expanded: the resources it makes are not scanned (its collection is not known)" },
      { line: 10, message: "Fn::ForEach::Broken needs an identifier, a collection and a fragment (a map): not expanded, the resources it makes are not scanned" },
    ]);
  });
});

describe("Fn::ForEach in Properties", () => {
  it("adds the properties it makes to the map it stands in", () => {
    const text = `Transform: AWS::LanguageExtensions
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
      Tags:
        - Fn::ForEach::Tags:
            - Key
            - [Team, Owner]
            - \${Key}: x
`;
    // A loop alone in a map makes that map's entries.
    const { resources, warnings } = readTemplate(text, "t.yaml");
    expect(warnings).toEqual([]);
    expect(props(resources[0])).toEqual({ BucketName: "logs", Tags: [{ Team: "x", Owner: "x" }] });
  });

  it("an unknown loop among the Properties makes them unknown: the resource is not scanned", () => {
    const text = `Transform: AWS::LanguageExtensions
Parameters:
  Keys: { Type: CommaDelimitedList }
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
      Fn::ForEach::Props:
        - K
        - !Ref Keys
        - \${K}: x
`;
    const { resources, warnings } = readTemplate(text, "t.yaml");
    expect(resources).toEqual([]);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [9, "Fn::ForEach::Props is not expanded: the properties it makes are not known (its collection is not known)"],
      [5, "the Properties of Bucket could not be worked out: not scanned"],
    ]);
  });
});

describe("Fn::ForEach: checks and bounds", () => {
  it("checks run on every resource a loop makes, reported at the fragment's lines", () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Buckets:
    - Name
    - [Logs, Data]
    - \${Name}Bucket:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub "acme-\${Name}"
`;
    const models = cloudFormationAdapter.parse(text, "t.yaml").models.filter((m) => m.modelType === "aws.s3.Bucket");
    expect(models.map((m) => [m.address, m.range.startLine])).toEqual([
      ["LogsBucket", 7],
      ["DataBucket", 7],
    ]);
  });

  it("a template whose resources are all made by loops is still told apart as CloudFormation", () => {
    const text = `Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Q:\n    - N\n    - [a]\n    - Queue\${N}:\n        Type: AWS::SQS::Queue\n`;
    expect(cloudFormationAdapter.sniff?.(text)).toBe(true);
  });

  it("refuses a template whose loops make too many values", () => {
    const items = `[${Array.from({ length: 100 }, (_, i) => `i${i}`).join(", ")}]`;
    const text = `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::A:
    - A
    - ${items}
    - Fn::ForEach::B:
        - B
        - ${items}
        - Fn::ForEach::C:
            - C
            - ${items}
            - R\${A}\${B}\${C}:
                Type: AWS::S3::Bucket
                Properties: { BucketName: x }
`;
    expect(() => readTemplate(text, "t.yaml")).toThrow(InputError);
    expect(() => readTemplate(text, "t.yaml")).toThrow(/t\.yaml: Fn::ForEach expands to more than \d+ values/);
  });
});
