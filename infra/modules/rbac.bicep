// Data-plane roles for the app's managed identity and, when given, the deploying user, each scoped as narrowly as the
// data allows: blob roles on the containers used, never on the account and never Owner.
param storageAccountName string
param applicationInsightsName string
param keyVaultName string
param identityPrincipalId string

@description('Containers the app reads and writes: articles, published, the deployment package, and the host\'s azure-webjobs-hosts (leases, timer status, blob receipts) and azure-webjobs-secrets (function keys).')
param appContainerNames string[]

@description('Containers the deploying user needs: articles and published (local runs, the CLI) and the deployment package (azd deploy).')
param userContainerNames string[]

@description('Object id of the deploying user; empty to skip.')
param userPrincipalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param userPrincipalType string = 'User'

// Built-in role definition ids.
var blobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
// Queues and tables stay account-wide: the host names its queues after its host id (blob trigger, poison) and makes a
// diagnostic-events table per month, so neither can be created ahead.
var accountRoleIds = [
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
]
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6' // the app reads Syndication__ServerKey
var keyVaultSecretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' // the user's hook writes it

var app = { id: identityPrincipalId, type: 'ServicePrincipal' }
var user = { id: userPrincipalId, type: userPrincipalType }
var principals = concat([app], empty(userPrincipalId) ? [] : [user])
var accountAssignments = flatten(map(principals, p => map(accountRoleIds, r => { principal: p, roleId: r })))
var appBlobAssignments = map(range(0, length(appContainerNames)), i => { principal: app, index: i })
var keyVaultAssignments = concat(
  [{ principal: app, roleId: keyVaultSecretsUserRoleId }],
  empty(userPrincipalId) ? [] : [{ principal: user, roleId: keyVaultSecretsOfficerRoleId }]
)

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' existing = {
  parent: storage
  name: 'default'
}

resource appContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = [
  for name in appContainerNames: {
    parent: blobService
    name: name
  }
]

resource userContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = [
  for name in userContainerNames: {
    parent: blobService
    name: name
  }
]

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource appBlobRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for a in appBlobAssignments: {
    name: guid(appContainers[a.index].id, a.principal.id, blobDataContributorRoleId)
    scope: appContainers[a.index]
    properties: {
      principalId: a.principal.id
      principalType: a.principal.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributorRoleId)
    }
  }
]

resource userBlobRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in (empty(userPrincipalId) ? [] : userContainerNames): {
    name: guid(userContainers[i].id, userPrincipalId, blobDataContributorRoleId)
    scope: userContainers[i]
    properties: {
      principalId: userPrincipalId
      principalType: userPrincipalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributorRoleId)
    }
  }
]

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for a in accountAssignments: {
    name: guid(storage.id, a.principal.id, a.roleId)
    scope: storage
    properties: {
      principalId: a.principal.id
      principalType: a.principal.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleId)
    }
  }
]

resource metricsPublisherRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for p in principals: {
    name: guid(applicationInsights.id, p.id, monitoringMetricsPublisherRoleId)
    scope: applicationInsights
    properties: {
      principalId: p.id
      principalType: p.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    }
  }
]

resource keyVaultRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for a in keyVaultAssignments: {
    name: guid(keyVault.id, a.principal.id, a.roleId)
    scope: keyVault
    properties: {
      principalId: a.principal.id
      principalType: a.principal.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleId)
    }
  }
]
