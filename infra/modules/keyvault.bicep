// Key Vault for the server secret Syndication__ServerKey (base64 of 32 random bytes), which the app reads through a
// Key Vault reference. Bicep cannot make random bytes, so the postprovision hook creates the secret when it is absent.
param name string
param location string
param tags object

@description('Name of the secret holding the server key (the app setting Syndication__ServerKey refers to it).')
param serverKeySecretName string

@description('Name of the secret holding the fediverse actor\'s RSA private key (PEM; the app setting Syndication__Fediverse__PrivateKey refers to it).')
param fediverseKeySecretName string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 14
    publicNetworkAccess: 'Enabled'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
output serverKeySecretUri string = '${vault.properties.vaultUri}secrets/${serverKeySecretName}'
output fediverseKeySecretUri string = '${vault.properties.vaultUri}secrets/${fediverseKeySecretName}'
