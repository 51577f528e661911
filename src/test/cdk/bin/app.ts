// The test stacks for hipaa-audit's template scan: one compliant three-tier healthcare backend and one variant per
// trap. scripts/synth-test-templates.sh synthesizes them into src/test/resources/templates/cdk/.
import * as cdk from 'aws-cdk-lib';
import { aws_ec2 as ec2, aws_kms as kms, aws_rds as rds, aws_secretsmanager as sm, aws_iam as iam, aws_s3 as s3,
  aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';

type Trap = 'none' | 'open-5432' | 'egress-subnets' | 'unencrypted' | 'backup-3' | 'rotation-off' | 'force-ssl-0'
  | 'import-value' | 'bucket-no-ssl' | 'bucket-sse-s3';

interface HealthAppProps extends cdk.StackProps {
  trap: Trap;
}

class HealthAppStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: HealthAppProps) {
    super(scope, id, props);
    const trap = props.trap;
    cdk.Tags.of(this).add('environment', 'prod');

    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
        { name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.ALL } },
    });
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };

    // the isolated tier reaches AWS services through interface endpoints only, each limited to this account
    const services: [string, ec2.InterfaceVpcEndpointAwsService][] = [
      ['SecretsManager', ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER],
      ['Kms', ec2.InterfaceVpcEndpointAwsService.KMS],
      ['Logs', ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS],
      ['Sts', ec2.InterfaceVpcEndpointAwsService.STS],
    ];
    for (const [name, service] of services) {
      const endpoint = vpc.addInterfaceEndpoint(name, { service, subnets: isolated, privateDnsEnabled: true });
      endpoint.addToPolicy(new iam.PolicyStatement({
        principals: [new iam.AccountRootPrincipal()], actions: ['*'], resources: ['*'],
      }));
    }

    // the database subnets admit traffic from inside the VPC only
    const acl = new ec2.NetworkAcl(this, 'DbAcl', { vpc, subnetSelection: isolated });
    acl.addEntry('InFromVpc', {
      cidr: ec2.AclCidr.ipv4(vpc.vpcCidrBlock), ruleNumber: 100, traffic: ec2.AclTraffic.allTraffic(),
      direction: ec2.TrafficDirection.INGRESS,
    });
    acl.addEntry('OutToVpc', {
      cidr: ec2.AclCidr.ipv4(vpc.vpcCidrBlock), ruleNumber: 100, traffic: ec2.AclTraffic.allTraffic(),
      direction: ec2.TrafficDirection.EGRESS,
    });

    const appSg = new ec2.SecurityGroup(this, 'AppSg', { vpc, description: 'Lambda functions' });
    const dbSg = new ec2.SecurityGroup(this, 'DbSg', { vpc, description: 'PostgreSQL', allowAllOutbound: false });
    if (trap === 'open-5432') {
      dbSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(5432), 'world-open');
    } else {
      dbSg.addIngressRule(appSg, ec2.Port.tcp(5432), 'from the app');
    }

    const key = new kms.Key(this, 'DbKey', { enableKeyRotation: true, description: 'PHI at rest' });
    const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_4 });
    const parameterGroup = new rds.ParameterGroup(this, 'DbParams', {
      engine,
      parameters: { 'rds.force_ssl': trap === 'force-ssl-0' ? '0' : '1' },
    });
    const db = new rds.DatabaseInstance(this, 'Database', {
      engine,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
      vpc,
      vpcSubnets: trap === 'egress-subnets' ? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } : isolated,
      securityGroups: [dbSg],
      storageEncrypted: trap !== 'unencrypted',
      storageEncryptionKey: trap === 'unencrypted' ? undefined : key,
      multiAz: true,
      backupRetention: cdk.Duration.days(trap === 'backup-3' ? 3 : 7),
      parameterGroup,
      deletionProtection: true,
      publiclyAccessible: false,
      instanceIdentifier: 'healthapp-db',
      cloudwatchLogsExports: ['postgresql'],
      credentials: rds.Credentials.fromGeneratedSecret('healthapp', { encryptionKey: key }),
    });
    if (trap === 'import-value') {
      (db.node.defaultChild as rds.CfnDBInstance).storageEncrypted =
        cdk.Token.asAny(cdk.Fn.importValue('SharedEncryptionFlag')) as unknown as boolean;
    }
    // the database's log group, created before RDS exports to it: kept six years, under the customer key
    const dbLog = new logs.LogGroup(this, 'DbLog', {
      logGroupName: '/aws/rds/instance/healthapp-db/postgresql',
      retention: logs.RetentionDays.SIX_YEARS,
      encryptionKey: key,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
    db.node.addDependency(dbLog);

    // temporary uploads of medical documents: a customer key, TLS only, no public access, expired after 7 days
    const uploadsKey = new kms.Key(this, 'UploadsKey', { enableKeyRotation: true, description: 'uploads at rest' });
    const uploads = new s3.Bucket(this, 'Uploads', {
      encryption: trap === 'bucket-sse-s3' ? s3.BucketEncryption.S3_MANAGED : s3.BucketEncryption.KMS,
      encryptionKey: trap === 'bucket-sse-s3' ? undefined : uploadsKey,
      bucketKeyEnabled: trap !== 'bucket-sse-s3',
      enforceSSL: trap !== 'bucket-no-ssl',
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      lifecycleRules: [{
        id: 'expire-temporary-uploads',
        expiration: cdk.Duration.days(7),
        noncurrentVersionExpiration: cdk.Duration.days(1),
        abortIncompleteMultipartUploadAfter: cdk.Duration.days(1),
      }],
    });
    cdk.Tags.of(uploads).add('Purpose', 'temporary');
    if (trap === 'import-value') {
      (uploads.node.defaultChild as s3.CfnBucket).addPropertyOverride(
        'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.KMSMasterKeyID',
        cdk.Fn.importValue('SharedUploadsKeyArn'));
    }
    if (trap !== 'rotation-off') {
      new sm.RotationSchedule(this, 'DbSecretRotation', {
        secret: db.secret!,
        hostedRotation: sm.HostedRotation.postgreSqlSingleUser(),
        automaticallyAfter: cdk.Duration.days(30),
      });
    }
  }
}

const app = new cdk.App();
const env = { account: '123456789012', region: 'us-east-1' };
const traps: Trap[] = ['none', 'open-5432', 'egress-subnets', 'unencrypted', 'backup-3', 'rotation-off', 'force-ssl-0',
  'import-value', 'bucket-no-ssl', 'bucket-sse-s3'];
for (const trap of traps) {
  const name = trap === 'none' ? 'HealthApp' : 'HealthApp-' + trap;
  new HealthAppStack(app, name.replace(/-/g, ''), { trap, env, stackName: name });
}
