// Data-plane roles for the app's managed identity and, when given, the deploying user.
param storageAccountName string
param applicationInsightsName string
param identityPrincipalId string

@description('Object id of the deploying user; empty to skip.')
param userPrincipalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param userPrincipalType string = 'User'

// Built-in role definition ids.
var storageRoleIds = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
]
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

var principals = concat(
  [{ id: identityPrincipalId, type: 'ServicePrincipal' }],
  empty(userPrincipalId) ? [] : [{ id: userPrincipalId, type: userPrincipalType }]
)
var storageAssignments = flatten(map(principals, p => map(storageRoleIds, r => { principal: p, roleId: r })))

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for a in storageAssignments: {
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
