//! `help`: the commands the simulator understands.

pub fn text() -> String {
    "\
kubectl commands (the leading \"kubectl\" is optional):
  get pods|nodes|deployments|replicasets|jobs|services|endpoints|events|all [NAME...]
      [-o wide|yaml|json|name] [-l key=value] [-n NAMESPACE | -A] [--show-labels]
  describe pod|node|deployment|replicaset|job|service NAME
  apply -f FILE                      apply a manifest file (YAML or JSON, several documents)
  create deployment NAME --image=IMAGE [--replicas=N] [--port=N]
  run NAME --image=IMAGE [--restart=Always|OnFailure|Never] [-- COMMAND ARGS...]
  delete KIND NAME... | delete KIND -l key=value   [--grace-period=SECONDS] [--now] [--force]
      [--wait=false] [--timeout=DURATION]   waits until the objects are gone, as kubectl does
  scale deployment NAME --replicas=N
  set image deployment/NAME CONTAINER=IMAGE
  rollout status deployment NAME [--watch=false] [--timeout=DURATION]
                                     follows the rollout until it is done
  cordon NODE | uncordon NODE | drain NODE [--force] [--timeout=DURATION]
  logs POD [-c CONTAINER] [--previous]
simulator controls:
  wait DURATION                      let simulated time pass (30s, 5m, 1m30s)
  fault node-down NODE               the node stops answering (its kubelet goes silent)
  fault node-up NODE                 the node comes back
  fault crash POD                    the main process of the pod's container dies
  runtime containerd|dockershim      switch the container runtime path of every node
  scenario [NAME]                    list the scenarios, or start one (resets the cluster)
  reset                              back to the default cluster
  traffic SERVICE [RPS]              simulated requests to a Service (RPS 0 stops them)
  help                               this list
"
    .to_string()
}
