// Syndication on Azure Functions (Flex Consumption). Deployed by `azd up`.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used for the resource group and the resource token.')
param environmentName string

@minLength(1)
@description('Region for all resources (must offer the Flex Consumption plan).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the deploying user, granted data access for local runs. Empty to skip.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
@description('Kind of principalId; a pipeline deploying as a service principal sets ServicePrincipal.')
param principalType string = 'User'

@description('Public base URL the feeds link to (e.g. a custom domain). Empty means the app\'s default host name.')
param publicBaseUrl string = ''

@description('Title of the feeds.')
param feedTitle string = 'Syndication'

@description('Time zone of times the articles state without one (IANA id, e.g. America/New_York); see docs/pages.md.')
param timeZone string = 'UTC'

@description('Azure Front Door Standard in front of the app (about 35 USD/month base fee; see docs/scaling.md for when it pays).')
param frontDoor bool = false

@description('With frontDoor: comma-separated CIDR ranges that may call the app directly (the manage routes are not routed through Front Door). Empty: manage routes only through the Azure portal or an allowed network.')
param manageAllowedIpRanges string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var articlesContainerName = 'articles'
var publishedContainerName = 'published'
var articlesTableName = 'articles'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var cdnProfileName = '${abbrs.cdnProfiles}${resourceToken}'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'
var serverKeySecretName = 'syndication-server-key'
var fediverseKeySecretName = 'syndication-fediverse-key'
// The containers the Functions host itself writes: leases, timer status and blob receipts; function keys.
var hostContainerNames = ['azure-webjobs-hosts', 'azure-webjobs-secrets']

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: concat([articlesContainerName, publishedContainerName, deploymentContainerName], hostContainerNames)
    tableNames: [articlesTableName]
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    serverKeySecretName: serverKeySecretName
    fediverseKeySecretName: fediverseKeySecretName
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  dependsOn: [storage, monitoring, keyVault]
  params: {
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
    keyVaultName: keyVaultName
    appContainerNames: concat([articlesContainerName, publishedContainerName, deploymentContainerName], hostContainerNames)
    userContainerNames: [articlesContainerName, publishedContainerName, deploymentContainerName]
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

// The profile comes before the app, whose access restriction needs its id; the endpoint comes after (it needs the app).
module cdnProfile 'modules/frontdoorprofile.bicep' = if (frontDoor) {
  name: 'frontdoorprofile'
  scope: rg
  params: {
    name: cdnProfileName
    tags: tags
  }
}

// The app starts only after its role assignments exist (they still take minutes to reach storage; the store retries).
module api 'modules/functionapp.bicep' = {
  name: 'api'
  scope: rg
  dependsOn: [storage, monitoring, rbac]
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: applicationInsightsName
    publicBaseUrl: publicBaseUrl
    feedTitle: feedTitle
    timeZone: timeZone
    serverKeySecretUri: keyVault.outputs.serverKeySecretUri
    fediverseKeySecretUri: keyVault.outputs.fediverseKeySecretUri
    frontDoorId: frontDoor ? cdnProfile!.outputs.frontDoorId : ''
    manageAllowedIpRanges: empty(manageAllowedIpRanges) ? [] : map(split(manageAllowedIpRanges, ','), r => trim(r))
  }
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  dependsOn: [storage]
  params: {
    name: '${abbrs.eventGridSystemTopics}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storageAccountName
  }
}

module cdn 'modules/frontdoor.bicep' = if (frontDoor) {
  name: 'frontdoor'
  scope: rg
  params: {
    profileName: cdnProfileName
    wafPolicyName: '${abbrs.networkFrontDoorWebApplicationFirewallPolicies}${resourceToken}'
    tags: tags
    originHostName: api.outputs.defaultHostName
  }
}

// Behind Front Door the feeds link the endpoint (or the custom domain in publicBaseUrl, pointed at Front Door).
var publicUrl = frontDoor && empty(publicBaseUrl) ? cdn!.outputs.url : api.outputs.baseUrl

module cdnUrl 'modules/publicurl.bicep' = if (frontDoor && empty(publicBaseUrl)) {
  name: 'publicurl'
  scope: rg
  params: {
    functionAppName: functionAppName
    publicBaseUrl: cdn!.outputs.url
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_EVENTGRID_TOPIC_NAME string = eventGrid.outputs.name
output AZURE_ARTICLES_CONTAINER_NAME string = articlesContainerName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_SERVER_KEY_SECRET_NAME string = serverKeySecretName
output AZURE_FEDIVERSE_KEY_SECRET_NAME string = fediverseKeySecretName
output SERVICE_API_ENDPOINT string = 'https://${api.outputs.defaultHostName}'
output FRONT_DOOR_ENDPOINT string = frontDoor ? cdn!.outputs.url : ''
output FEED_RSS_URL string = '${publicUrl}/api/feeds/all.rss'
output FEED_ATOM_URL string = '${publicUrl}/api/feeds/all.atom'
output FEED_JSON_URL string = '${publicUrl}/api/feeds/all.json'
