// Flex Consumption plan and the .NET isolated function app, with identity-based settings only.
param name string
param planName string
param location string
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string

@description('Public base URL of the app; empty means https://<default host name>.')
param publicBaseUrl string = ''
param feedTitle string = 'Syndication'
param timeZone string = 'UTC'

@description('Key Vault secret URI of the server key (no version: the app follows the latest).')
param serverKeySecretUri string

@description('Key Vault secret URI of the fediverse actor\'s RSA private key (no version).')
param fediverseKeySecretUri string

@description('X-Azure-FDID of the Front Door profile in front of the app; empty when there is none. When set, only that profile (and Event Grid, and manageAllowedIpRanges) reach the app.')
param frontDoorId string = ''

@description('CIDR ranges allowed to call the app directly when Front Door is in front (the manage routes are not routed through it).')
param manageAllowedIpRanges string[] = []

param instanceMemoryMB int = 2048
param maximumInstanceCount int = 100

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

// Behind Front Door the origin answers only that profile's requests (its service tag and its X-Azure-FDID), Event Grid's
// webhook deliveries (the blob trigger and HandleBlobDeleted) and the operators' ranges for the manage routes.
var frontDoorRules = [
  {
    name: 'front-door'
    priority: 100
    action: 'Allow'
    tag: 'ServiceTag'
    ipAddress: 'AzureFrontDoor.Backend'
    headers: {
      'x-azure-fdid': [frontDoorId]
    }
  }
  {
    name: 'event-grid'
    priority: 200
    action: 'Allow'
    tag: 'ServiceTag'
    ipAddress: 'AzureEventGrid'
  }
]
var manageRules = [
  for (range, i) in manageAllowedIpRanges: {
    name: 'manage-${i}'
    priority: 300 + i
    action: 'Allow'
    tag: 'Default'
    ipAddress: range
  }
]
var behindFrontDoor = !empty(frontDoorId)

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve as the user-assigned identity (the default would be a system identity it lacks).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      ipSecurityRestrictions: behindFrontDoor ? concat(frontDoorRules, manageRules) : []
      ipSecurityRestrictionsDefaultAction: behindFrontDoor ? 'Deny' : 'Allow'
      // Deployment (azd, OneDeploy) goes to the scm site, which takes Entra tokens only (basic auth is off below).
      scmIpSecurityRestrictionsUseMain: false
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// No publishing user names and passwords: deployment and the scm site take Entra ID tokens only.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

var trimmedBaseUrl = endsWith(publicBaseUrl, '/') ? take(publicBaseUrl, max(length(publicBaseUrl) - 1, 0)) : publicBaseUrl
var baseUrl = empty(trimmedBaseUrl) ? 'https://${site.properties.defaultHostName}' : trimmedBaseUrl

// Flex Consumption takes the worker runtime from functionAppConfig, so there is
// no FUNCTIONS_WORKER_RUNTIME or FUNCTIONS_EXTENSION_VERSION here.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    Syndication__PublicBaseUrl: baseUrl
    Syndication__Title: feedTitle
    // The zone of times a document states without one (an unknown id stops the app at start).
    Syndication__TimeZone: timeZone
    // The server secret, from Key Vault (infra/hooks/postprovision.sh creates it); the app's identity reads it.
    Syndication__ServerKey: '@Microsoft.KeyVault(SecretUri=${serverKeySecretUri})'
    // The fediverse actor's signing key (RSA 2048, PEM), also made by the postprovision hook; see docs/fediverse.md.
    Syndication__Fediverse__PrivateKey: '@Microsoft.KeyVault(SecretUri=${fediverseKeySecretUri})'
    // The Front Door profile whose X-Azure-ClientIP the app may trust; empty without Front Door.
    Syndication__Network__FrontDoorId: frontDoorId
    // storage.bicep creates the containers and the table: the app needs no create rights.
    Syndication__Storage__CreateIfMissing: 'false'
    ReconcileSchedule: '0 */5 * * * *'
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output baseUrl string = baseUrl
