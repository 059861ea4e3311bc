// The one scenario both programs build, so they cannot drift apart.
'use strict';
module.exports = {
  scenarioTarget: {
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    ami: 'ami-0123456789abcdef0',
    ecsAmi: 'ami-0fedcba9876543210',
    accountId: '123456789012',
  },
  tenantWorkload: { image: 'public.ecr.aws/nginx/nginx:1.27', cpu: 1, memoryMiB: 2048, port: 8080 },
  serviceWorkload: { image: 'public.ecr.aws/docker/library/redis:7', cpu: 0.25, memoryMiB: 512, port: 6379, replicas: 2 },
};
