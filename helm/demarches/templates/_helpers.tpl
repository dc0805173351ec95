{{/* Chart name. */}}
{{- define "demarches.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-scoped name: <release>-<chart>, or the release name when it already contains the chart name. */}}
{{- define "demarches.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "demarches.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object. */}}
{{- define "demarches.labels" -}}
helm.sh/chart: {{ include "demarches.chart" . }}
app.kubernetes.io/name: {{ include "demarches.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: demarches
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Selector labels of one service: (dict "root" $ "name" $serviceName). */}}
{{- define "demarches.selectorLabels" -}}
app.kubernetes.io/name: {{ include "demarches.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Labels of one service's objects: (dict "root" $ "name" $serviceName). */}}
{{- define "demarches.serviceLabels" -}}
{{ include "demarches.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Name of one service's objects (also its DNS name): (dict "root" $ "name" $serviceName). */}}
{{- define "demarches.serviceName" -}}
{{- printf "%s-%s" (include "demarches.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "demarches.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "demarches.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "demarches.secretName" -}}
{{- if .Values.secrets.create -}}
{{- printf "%s-secrets" (include "demarches.fullname" .) -}}
{{- else -}}
{{- default (printf "%s-secrets" (include "demarches.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}
{{- end -}}

{{/*
Deep merge of two maps, in place into the first: (list $dst $src). Unlike sprig's mergeOverwrite, a value of $src
always wins, false and 0 included (mergo skips "empty" values, so a service could not switch off a default).
*/}}
{{- define "demarches.deepMerge" -}}
{{- $dst := index . 0 -}}
{{- $src := index . 1 -}}
{{- range $k, $v := $src -}}
{{- if and (kindIs "map" $v) (kindIs "map" (index $dst $k)) -}}
{{- include "demarches.deepMerge" (list (index $dst $k) $v) -}}
{{- else -}}
{{- $_ := set $dst $k $v -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Effective configuration of one service as YAML: serviceDefaults deep-merged with services.<name>.
     Usage: $cfg := include "demarches.serviceConfig" (dict "root" $ "name" $name) | fromYaml */}}
{{- define "demarches.serviceConfig" -}}
{{- $cfg := deepCopy .root.Values.serviceDefaults -}}
{{- $_ := include "demarches.deepMerge" (list $cfg (deepCopy (index .root.Values.services .name))) -}}
{{- toYaml $cfg -}}
{{- end -}}

{{/* Image of one service: (dict "root" $ "name" $name "cfg" $cfg). */}}
{{- define "demarches.image" -}}
{{- $img := .root.Values.image -}}
{{- $repo := default (printf "%s/%s/%s" $img.registry $img.repositoryPrefix .name) .cfg.image.repository -}}
{{- $tag := default (default .root.Chart.AppVersion $img.tag) .cfg.image.tag -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}

{{/* Environment variable name of a service's base URL, e.g. form-builder -> FORM_BUILDER_URL. */}}
{{- define "demarches.urlEnvName" -}}
{{- printf "%s_URL" (. | upper | replace "-" "_") -}}
{{- end -}}

{{/* Sorted names of the enabled services, space-separated. */}}
{{- define "demarches.enabledServices" -}}
{{- $names := list -}}
{{- range $name, $_ := .Values.services -}}
{{- $cfg := include "demarches.serviceConfig" (dict "root" $ "name" $name) | fromYaml -}}
{{- if $cfg.enabled -}}{{- $names = append $names $name -}}{{- end -}}
{{- end -}}
{{- join " " (sortAlpha $names) -}}
{{- end -}}
