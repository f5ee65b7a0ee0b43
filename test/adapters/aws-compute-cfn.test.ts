// CloudFormation (and SAM) onto the AWS compute and network models: intrinsic functions as the
// adapter works them out, references joined by logical id, and what stays unknown.
import { describe, expect, it } from "vitest";
import { cloudFormationAdapter } from "../../src/adapters/cloudformation.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type {
  DefaultSecurityGroup,
  Ec2Instance,
  EksCluster,
  LambdaFunction,
  LoadBalancer,
  NetworkAcl,
  NetworkAttachment,
  SecurityGroupRule,
} from "../../src/models/aws-compute.js";

function models<T extends ResourceModel>(text: string, type: string): T[] {
  return cloudFormationAdapter.parse(text, "template.yaml").models.filter((m) => m.modelType === type) as T[];
}

function one<T extends ResourceModel>(text: string, type: string): T {
  const all = models<T>(text, type);
  expect(all).toHaveLength(1);
  return all[0] as T;
}

const HEAD = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n`;

describe("CloudFormation EC2", () => {
  it("decodes user data written with Fn::Base64 and !Sub", () => {
    const i = one<Ec2Instance>(
      `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage:
    Type: String
    Default: prod
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-1
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          echo \${Stage}
          export A=1`,
      "aws.ec2.Instance",
    );
    expect(i.userData?.known).toBe(true);
    expect(i.userData?.value).toBe("#!/bin/bash\necho prod\nexport A=1\n");
  });

  it("leaves user data unknown when part of it cannot be worked out", () => {
    const i = one<Ec2Instance>(
      `${HEAD}  Web:
    Type: AWS::EC2::Instance
    Properties:
      UserData:
        Fn::Base64: !Sub "export ID=\${Other}"
  Other:
    Type: AWS::SQS::Queue`,
      "aws.ec2.Instance",
    );
    expect(i.userData).toMatchObject({ known: false });
  });

  it("resolves groups by Ref and GetAtt, inline and separate rules, and the subnet's public IP default", () => {
    const a = one<NetworkAttachment>(
      `${HEAD}  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0, Description: https }
  Ssh:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Sg.GroupId
      IpProtocol: tcp
      FromPort: "22"
      ToPort: "22"
      CidrIp: 0.0.0.0/0
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-1
      CidrBlock: 10.0.0.0/24
      MapPublicIpOnLaunch: "true"
  Web:
    Type: AWS::EC2::Instance
    Properties:
      SubnetId: !Ref Subnet
      SecurityGroupIds: [!Ref Sg, !GetAtt Sg.GroupId, sg-0123]`,
      "aws.ec2.NetworkAttachment",
    );
    expect(a.publicAddress).toMatchObject({ value: true, known: true });
    expect(a.groups.map((g) => [g.group, g.rules.map((r) => r.toPort?.value)])).toEqual([
      ["Sg", [443, 22]],
      ["Sg", [443, 22]],
    ]);
  });

  it("keeps rules on a VPC's default group out of the group rules and in the default group model", () => {
    const text = `${HEAD}  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Open:
    Type: AWS::EC2::SecurityGroupEgress
    Properties:
      GroupId: !GetAtt Vpc.DefaultSecurityGroup
      IpProtocol: "-1"
      CidrIp: 0.0.0.0/0`;
    expect(one<DefaultSecurityGroup>(text, "aws.ec2.DefaultSecurityGroup")).toMatchObject({ address: "Vpc.DefaultSecurityGroup", rules: [{ direction: "egress" }] });
    expect(models<SecurityGroupRule>(text, "aws.ec2.SecurityGroupRule")).toEqual([]);
  });

  it("joins NACL entries by Ref and reads protocol numbers and port ranges", () => {
    const acl = one<NetworkAcl>(
      `${HEAD}  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-1
  In:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref Acl
      RuleNumber: "100"
      Protocol: 6
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
      PortRange: { From: 22, To: 22 }`,
      "aws.ec2.NetworkAcl",
    );
    expect(acl.complete).toBe(true);
    expect(acl.entries.map((e) => [e.ruleNumber?.value, e.protocol?.value, e.fromPort?.value, e.toPort?.value, e.egress])).toEqual([[100, "6", 22, 22, false]]);
  });
});

describe("CloudFormation services", () => {
  it("reads load balancer attributes from the Key/Value list; an unreadable list is unknown", () => {
    const lbs = models<LoadBalancer>(
      `${HEAD}  A:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
      LoadBalancerAttributes:
        - { Key: deletion_protection.enabled, Value: "true" }
  B:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: network
      LoadBalancerAttributes: !Ref AWS::NoValue`,
      "aws.elb.LoadBalancer",
    );
    expect(lbs.map((l) => [l.address, l.lbType?.value, l.internal?.value, l.deletionProtection?.value, l.accessLogs?.known])).toEqual([
      ["A", "application", true, true, undefined],
      ["B", "network", undefined, undefined, undefined],
    ]);
  });

  it("applies SAM Globals to functions and reads SAM's own property names", () => {
    const fns = models<LambdaFunction>(
      `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Tracing: Active
    Environment:
      Variables:
        STAGE: prod
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      CodeUri: src/
      DeadLetterQueue:
        Type: SQS
        TargetArn: arn:aws:sqs:eu-west-1:111122223333:dlq`,
      "aws.lambda.Function",
    );
    expect(fns.map((f) => [f.tracingMode?.value, f.env?.map((e) => e.name), f.deadLetter?.known])).toEqual([["Active", ["STAGE"], true]]);
  });

  it("reads EKS log types from the list of {Type} objects", () => {
    const c = one<EksCluster>(
      `${HEAD}  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      ResourcesVpcConfig:
        SubnetIds: [subnet-1]
        PublicAccessCidrs: [203.0.113.0/24]
      Logging:
        ClusterLogging:
          EnabledTypes: [{ Type: api }, { Type: audit }]`,
      "aws.eks.Cluster",
    );
    expect(c.logTypes?.map((t) => t.value)).toEqual(["api", "audit"]);
    expect(c.publicAccessCidrs?.map((t) => t.value)).toEqual(["203.0.113.0/24"]);
    expect(c.endpointPublicAccess).toBeUndefined();
  });
});
